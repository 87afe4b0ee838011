using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansSweep.Grains.Storage;

/// <summary>
/// The silo's embedded database: <c>sweep.db</c> under <see cref="LiteDbStorageOptions.DataDirectory"/>, opened when the silo
/// starts and closed when it stops. Grain state (and anything else that must outlive the silo) shares this one file.
/// </summary>
public sealed class LiteDbStore(IOptions<LiteDbStorageOptions> options, ILogger<LiteDbStore> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private SharedLiteDbFile? _file;

    /// <summary>Full path of the database file.</summary>
    public string FilePath => Path.GetFullPath(Path.Combine(options.Value.DataDirectory, LiteDbStorageOptions.FileName));

    /// <summary>Runs one unit of work on the database with no other unit of work on the same file interleaving, so a read then a write is atomic.</summary>
    /// <remarks>LiteDB is synchronous: keep the work to a few local document operations.</remarks>
    public T Use<T>(Func<ILiteDatabase, T> work)
    {
        var file = Volatile.Read(ref _file)
            ?? throw new InvalidOperationException($"The LiteDB store '{FilePath}' is not open; it opens when the silo starts and closes when it stops.");
        lock (file.Gate)
        {
            return work(file.Database);
        }
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        // Opened before anything that may read state and, since stages stop in reverse order, closed after grains have deactivated.
        lifecycle.Subscribe(nameof(LiteDbStore), ServiceLifecycleStage.RuntimeInitialize, Open, Close);

    /// <summary>Closes the file if the silo was torn down without stopping its lifecycle.</summary>
    public void Dispose() => Release();

    private Task Open(CancellationToken cancellationToken)
    {
        var file = SharedLiteDbFile.Acquire(FilePath);
        if (Interlocked.CompareExchange(ref _file, file, null) is not null)
        {
            file.Release();
        }

        logger.LogInformation("LiteDB store open at {FilePath}", file.FilePath);
        return Task.CompletedTask;
    }

    private Task Close(CancellationToken cancellationToken)
    {
        Release();
        return Task.CompletedTask;
    }

    private void Release() => Interlocked.Exchange(ref _file, null)?.Release();
}
