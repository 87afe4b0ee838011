namespace OrleansSweep.Tests;

/// <summary>A fresh folder under the system temp path, deleted with everything in it on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orleans-sweep-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The full path of <paramref name="relativePath"/> inside the folder; nothing is created there, so it names a missing file until written.</summary>
    public string PathOf(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    /// <summary>Writes a file at a path relative to the folder, creating sub-folders as needed; returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var file = PathOf(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
