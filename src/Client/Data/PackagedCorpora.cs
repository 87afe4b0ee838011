namespace OrleansSweep.Client.Data;

/// <summary>The corpora `data fetch` knows, by name.</summary>
public static class PackagedCorpora
{
    /// <summary>Every known source, in the order `data list` shows them.</summary>
    public static IReadOnlyList<IPackagedCorpusSource> All { get; } = [new BrownCorpusSource(), new AustenCorpusSource()];

    /// <summary>The source called <paramref name="name"/>, or one sentence listing the names there are.</summary>
    public static IPackagedCorpusSource Find(string name) =>
        All.FirstOrDefault(source => source.Name == name.Trim().ToLowerInvariant())
        ?? throw new ArgumentException($"no corpus is called '{name}'; use one of {string.Join(", ", All.Select(s => s.Name))}.");
}
