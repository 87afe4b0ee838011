using LiteDB;

namespace OrleansSweep.Grains.Storage;

/// <summary>
/// Orleans reminders as one document per grain and reminder name in the shared <see cref="LiteDbStore"/> file, so a silo that
/// stops or dies and starts again on the same data directory fires every registered reminder again.
/// </summary>
/// <remarks>
/// Rows are not keyed by service id: the data directory is the unit of ownership (one silo per file in the embedded default),
/// and a test cluster picks a new service id each time it is built, yet must find its predecessor's reminders.
/// </remarks>
public sealed class LiteDbReminderTable(LiteDbStore store) : IReminderTable
{
    private const string CollectionName = "reminders";
    private const string GrainIdField = "grainId";
    private const string NameField = "name";
    // Ticks rather than a BSON date: LiteDB dates keep only milliseconds and come back in local time.
    private const string StartAtUtcTicksField = "startAtUtcTicks";
    private const string PeriodTicksField = "periodTicks";
    private const string HashField = "hash";
    private const string ETagField = "etag";

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        store.Use(db =>
        {
            var documents = Documents(db);
            documents.EnsureIndex(GrainIdField);
            return documents.EnsureIndex(HashField);
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = store.Use(db => Documents(db).Find(Query.EQ(GrainIdField, grainId.ToString())).Select(ToEntry).ToList());
        return Task.FromResult(new ReminderTableData(rows));
    }

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The ring range (begin, end]: when begin >= end it wraps past uint.MaxValue, and begin == end is the whole ring.
        // Hashes are stored widened to long, so long comparisons order them exactly as uint ones would.
        var above = Query.GT(HashField, (long)begin);
        var atOrBelow = Query.LTE(HashField, (long)end);
        var inRange = begin < end ? Query.And(above, atOrBelow) : Query.Or(above, atOrBelow);
        var rows = store.Use(db => Documents(db).Find(inRange).Select(ToEntry).ToList());
        return Task.FromResult(new ReminderTableData(rows));
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = store.Use(db => Documents(db).FindById(DocumentId(grainId, reminderName)));
        return Task.FromResult(document is null ? null : ToEntry(document));
    }

    /// <inheritdoc />
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <inheritdoc />
    public Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var newETag = Guid.NewGuid().ToString("N");
        var document = new BsonDocument
        {
            ["_id"] = DocumentId(entry.GrainId, entry.ReminderName),
            [GrainIdField] = entry.GrainId.ToString(),
            [NameField] = entry.ReminderName,
            [StartAtUtcTicksField] = ToUtc(entry.StartAt).Ticks,
            [PeriodTicksField] = entry.Period.Ticks,
            [HashField] = (long)entry.GrainId.GetUniformHashCode(),
            [ETagField] = newETag,
        };
        store.Use(db => Documents(db).Upsert(document));
        return Task.FromResult<string?>(newETag);
    }

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = DocumentId(grainId, reminderName);
        var removed = store.Use(db =>
        {
            var documents = Documents(db);
            var stored = documents.FindById(id);
            // A stale ETag means the reminder was re-registered since the caller read it; that newer row must stay.
            return stored is not null
                && string.Equals(stored[ETagField].AsString, eTag, StringComparison.Ordinal)
                && documents.Delete(id);
        });
        return Task.FromResult(removed);
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <inheritdoc />
    public Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        store.Use(db => Documents(db).DeleteAll());
        return Task.CompletedTask;
    }

    private static ILiteCollection<BsonDocument> Documents(ILiteDatabase db) => db.GetCollection(CollectionName);

    // Grain ids and reminder names may both contain '/', so the grain id's length keeps "a/b" + "c" apart from "a" + "b/c".
    private static string DocumentId(GrainId grainId, string reminderName)
    {
        var grain = grainId.ToString();
        return $"{grain.Length}:{grain}/{reminderName}";
    }

    // Orleans means UTC even where a caller leaves the kind unset, as its own reminder service assumes when it reads rows back.
    private static DateTime ToUtc(DateTime time) =>
        time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime();

    private static ReminderEntry ToEntry(BsonDocument document) => new()
    {
        GrainId = GrainId.Parse(document[GrainIdField].AsString),
        ReminderName = document[NameField].AsString,
        StartAt = new DateTime(document[StartAtUtcTicksField].AsInt64, DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(document[PeriodTicksField].AsInt64),
        ETag = document[ETagField].AsString,
    };
}
