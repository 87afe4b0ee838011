namespace OrleansSweep.Client.Report;

/// <summary>
/// Writes a report file whole or not at all: the bytes go to a temporary file beside the target, which is then renamed over
/// it, so an error or a kill never leaves a half-written PNG or summary behind.
/// </summary>
public static class ReportFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="contents"/>.</summary>
    public static void Write(string path, byte[] contents)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, contents);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
