namespace OrleansSweep.Grains.Storage;

/// <summary>Where the silo keeps its embedded LiteDB file; bound from the <c>LiteDb</c> configuration section.</summary>
public sealed class LiteDbStorageOptions
{
    public const string SectionName = "LiteDb";

    /// <summary>The one database file inside <see cref="DataDirectory"/>.</summary>
    public const string FileName = "sweep.db";

    /// <summary>Directory that holds <see cref="FileName"/>; relative paths resolve against the working directory, and it is created at silo start if missing.</summary>
    public string DataDirectory { get; set; } = "./.sweep";
}
