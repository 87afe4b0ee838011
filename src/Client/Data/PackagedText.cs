namespace OrleansSweep.Client.Data;

/// <summary>What a source fetched: plain-text files by relative name, and the package facts its provenance records.</summary>
public sealed record PackagedText(
    IReadOnlyList<KeyValuePair<string, string>> Files, string Source, string Version, string Command, string Url);
