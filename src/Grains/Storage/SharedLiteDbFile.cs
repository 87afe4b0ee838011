using LiteDB;
using Orleans.Runtime;

namespace OrleansSweep.Grains.Storage;

/// <summary>
/// The one open <see cref="LiteDatabase"/> per file in this process. LiteDB's direct mode must not open a file twice, and an
/// in-process test cluster runs several silos side by side on the same directory, so silos share the handle and the last
/// one to let go closes it.
/// </summary>
internal sealed class SharedLiteDbFile
{
    private static readonly Dictionary<string, SharedLiteDbFile> OpenFiles = new(StringComparer.Ordinal);

    // On Linux, LiteDB's own FileShare flags become shared advisory locks, so a second process could open the file and
    // corrupt it; an exclusive lock on a side file makes that a clear error instead.
    private readonly FileStream _processLock;
    private int _holders;

    private SharedLiteDbFile(string filePath, LiteDatabase database, FileStream processLock)
    {
        FilePath = filePath;
        Database = database;
        _processLock = processLock;
    }

    public string FilePath { get; }

    public LiteDatabase Database { get; }

    /// <summary>Held around each unit of work so that a read followed by a write is atomic for every holder of the file.</summary>
    public Lock Gate { get; } = new();

    public static SharedLiteDbFile Acquire(string filePath)
    {
        lock (OpenFiles)
        {
            if (!OpenFiles.TryGetValue(filePath, out var file))
            {
                file = Open(filePath);
                OpenFiles.Add(filePath, file);
            }

            file._holders++;
            return file;
        }
    }

    public void Release()
    {
        lock (OpenFiles)
        {
            if (--_holders > 0)
            {
                return;
            }

            OpenFiles.Remove(FilePath);
            lock (Gate)
            {
                // Under the gate so that a unit of work still running on another silo's thread finishes first.
                Database.Dispose();
            }

            _processLock.Dispose();
        }
    }

    // 2: a sweep's runs are rows in bounded shards; 1 (no marker) kept every run in the sweep's one document.
    private const int Schema = 2;
    private const string Meta = "meta";

    // Why the file cannot be used by this version, or null; a new file gets this version's marker.
    private static string? StoredSchema(LiteDatabase database)
    {
        var marker = database.GetCollection(Meta).FindById("schema");
        if (marker is null && database.GetCollectionNames().Any(n => n != Meta))
            return "was written by an earlier OrleansSweep, whose sweeps kept every run in one document";
        if (marker is not null && marker["version"].AsInt32 != Schema)
            return $"holds data of format {marker["version"].AsInt32}, and this OrleansSweep reads format {Schema}";
        if (marker is null) database.GetCollection(Meta).Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = Schema });
        return null;
    }

    private static SharedLiteDbFile Open(string filePath)
    {
        var directory = Path.GetDirectoryName(filePath)!;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new OrleansConfigurationException(
                $"Cannot create the data directory '{directory}'; set {LiteDbStorageOptions.SectionName}:{nameof(LiteDbStorageOptions.DataDirectory)} to a directory this process can create and write.",
                e);
        }

        var lockPath = filePath + ".lock";
        FileStream processLock;
        try
        {
            processLock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OrleansConfigurationException(
                $"Cannot lock '{lockPath}', so another process is probably using '{filePath}'; stop it or set {LiteDbStorageOptions.SectionName}:{nameof(LiteDbStorageOptions.DataDirectory)} to another directory.",
                e);
        }

        try
        {
            var database = new LiteDatabase(new ConnectionString { Filename = filePath, Connection = ConnectionType.Direct });
            if (StoredSchema(database) is { } refusal)
            {
                database.Dispose();
                processLock.Dispose();
                throw new IOException($"The data directory '{directory}' {refusal}; move it aside or pass another data directory (--data-dir).");
            }
            return new SharedLiteDbFile(filePath, database, processLock);
        }
        catch (Exception e) when (e is not IOException)
        {
            processLock.Dispose();
            throw new OrleansConfigurationException(
                $"Cannot open the LiteDB file '{filePath}'; check that it is a LiteDB file this process can read and write, or set {LiteDbStorageOptions.SectionName}:{nameof(LiteDbStorageOptions.DataDirectory)} to another directory.",
                e);
        }
    }
}
