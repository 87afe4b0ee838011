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
            return new SharedLiteDbFile(filePath, database, processLock);
        }
        catch (Exception e)
        {
            processLock.Dispose();
            throw new OrleansConfigurationException(
                $"Cannot open the LiteDB file '{filePath}'; check that it is a LiteDB file this process can read and write, or set {LiteDbStorageOptions.SectionName}:{nameof(LiteDbStorageOptions.DataDirectory)} to another directory.",
                e);
        }
    }
}
