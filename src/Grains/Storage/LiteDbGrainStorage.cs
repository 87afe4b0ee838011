using LiteDB;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrleansSweep.Grains.Storage;

/// <summary>
/// Grain state as one document per provider, state name and grain in the shared <see cref="LiteDbStore"/> file: the
/// serialized state as bytes and an ETag that changes on every write, so a stale activation's write is refused.
/// </summary>
public sealed class LiteDbGrainStorage(
    string providerName,
    LiteDbStore store,
    IGrainStorageSerializer serializer,
    IActivatorProvider activatorProvider) : IGrainStorage
{
    private const string CollectionName = "grain_state";
    private const string ETagField = "etag";
    private const string StateField = "state";

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = store.Use(db => Documents(db).FindById(DocumentId(stateName, grainId)));
        if (document is null)
        {
            Reset(grainState);
            return Task.CompletedTask;
        }

        grainState.State = serializer.Deserialize<T>(new BinaryData(document[StateField].AsBinary));
        grainState.ETag = document[ETagField].AsString;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = DocumentId(stateName, grainId);
        var payload = serializer.Serialize(grainState.State).ToArray();
        var newETag = Guid.NewGuid().ToString("N");
        store.Use(db =>
        {
            var documents = Documents(db);
            ThrowIfStale(nameof(WriteStateAsync), stateName, grainId, documents.FindById(id), grainState.ETag);
            return documents.Upsert(new BsonDocument { ["_id"] = id, [ETagField] = newETag, [StateField] = payload });
        });

        grainState.ETag = newETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = DocumentId(stateName, grainId);
        store.Use(db =>
        {
            var documents = Documents(db);
            var stored = documents.FindById(id);
            if (stored is null)
            {
                // Nothing to delete: as Orleans' own file storage does, clearing an absent record is not a conflict.
                return false;
            }

            ThrowIfStale(nameof(ClearStateAsync), stateName, grainId, stored, grainState.ETag);
            return documents.Delete(id);
        });

        Reset(grainState);
        return Task.CompletedTask;
    }

    private static ILiteCollection<BsonDocument> Documents(ILiteDatabase db) => db.GetCollection(CollectionName);

    private string DocumentId(string stateName, GrainId grainId) => $"{providerName}/{stateName}/{grainId}";

    private void Reset<T>(IGrainState<T> grainState)
    {
        grainState.State = activatorProvider.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private void ThrowIfStale(string operation, string stateName, GrainId grainId, BsonDocument? stored, string? currentETag)
    {
        var storedETag = stored?[ETagField].AsString;
        if (!string.Equals(storedETag, currentETag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"Version conflict ({operation}): ProviderName={providerName} StateName={stateName} GrainId={grainId}.",
                storedETag ?? "(none)",
                currentETag ?? "(none)");
        }
    }
}
