using OrleansSweep.Compute.Corpora.Packaged;

namespace OrleansSweep.Client.Data;

/// <summary>
/// Jane Austen's six novels from Debian's r-cran-janeaustenr. The package holds no plain text: each novel is a character
/// vector (one element per line) in the R package's lazy-load database data/Rdata.rdb, read here without R.
/// </summary>
public sealed class AustenCorpusSource : IPackagedCorpusSource
{
    private const string Package = "r-cran-janeaustenr";
    private const string Index = "usr/lib/R/site-library/janeaustenr/data/Rdata.rdx";

    /// <inheritdoc />
    public string Name => "austen";

    /// <inheritdoc />
    public string Description => $"Jane Austen's six novels, one .txt each (Debian {Package})";

    /// <inheritdoc />
    public async Task<PackagedText> FetchAsync(string workDirectory, CancellationToken cancellation)
    {
        // The URI line reads 'http://…/r-cran-janeaustenr_1.0.0-1_all.deb' r-cran-janeaustenr_1.0.0-1_all.deb size SHA256:….
        var uris = await ExternalTool.RunAsync("apt-get", ["download", "--print-uris", Package], workDirectory, cancellation);
        var url = uris.Split('\'', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(part => part.Contains("://")) ?? "";
        await ExternalTool.RunAsync("apt-get", ["download", Package], workDirectory, cancellation);
        var deb = Directory.EnumerateFiles(workDirectory, $"{Package}_*.deb").FirstOrDefault()
            ?? throw new CorpusFetchException($"`apt-get download {Package}` left no .deb in {workDirectory}.");
        var version = (await ExternalTool.RunAsync("dpkg-deb", ["-f", deb, "Version"], workDirectory, cancellation)).Trim();
        var unpacked = Path.Combine(workDirectory, "unpacked");
        await ExternalTool.RunAsync("dpkg-deb", ["-x", deb, unpacked], workDirectory, cancellation);

        var index = Path.Combine(unpacked, Index);
        if (!File.Exists(index))
            throw new CorpusFetchException($"{Package} {version} has no {Index}; its layout changed.");
        var novels = RLazyLoadDatabase.ReadCharacterVectors(index);
        if (novels.Count == 0)
            throw new CorpusFetchException($"{Package} {version} holds no character vectors in {Index}.");
        return new PackagedText(
            novels.Select(n => new KeyValuePair<string, string>(n.Key + ".txt", string.Join('\n', n.Value.Select(line => line ?? "")) + "\n"))
                .OrderBy(f => f.Key, StringComparer.Ordinal).ToList(),
            $"debian {Package}",
            version,
            $"apt-get download {Package}; dpkg-deb -x; character vectors of {Index.Replace(".rdx", ".rdb")}",
            url);
    }
}
