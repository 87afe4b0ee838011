using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Corpora.Packaged;
using OrleansSweep.Compute.Tokenizers;

namespace OrleansSweep.Grains.Corpora;

/// <summary>
/// corpus.kind text: a file or folder given by corpus.path, or a corpus fetched into &lt;data&gt;/corpora and named by
/// corpus.name. Its optimum is unknown; describing reads the documents and the tokenizer but tokenizes nothing.
/// </summary>
internal sealed class TextKind : ICorpusKind
{
    public string Name => "text";

    public (string Description, double? OptimalLoss) Describe(CorpusSpec spec, CorpusCatalog corpora)
    {
        CorpusLoader.ReadDocuments(Source(spec, corpora.DataDirectory), spec.TextField);
        TextTokenizers.Create(spec.Tokenizer);
        return ($"text {spec.Name ?? spec.Path} ({spec.Tokenizer})", null);
    }

    public TokenCorpus Build(CorpusSpec spec, string dataDirectory) =>
        CorpusLoader.FromText(Source(spec, dataDirectory), TextTokenizers.Create(spec.Tokenizer), textField: spec.TextField);

    public int VocabularySize(CorpusSpec spec) => TextTokenizers.Create(spec.Tokenizer).VocabularySize;

    // A path as given, or a fetched corpus's folder once its files match their provenance.
    private static string Source(CorpusSpec spec, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(spec.Name))
        {
            if (!string.IsNullOrWhiteSpace(spec.Path))
                throw new ArgumentException("corpus.path and corpus.name both name the text; give one of them.");
            var folder = CorpusProvenance.FolderOf(dataDirectory, spec.Name);
            if (!Directory.Exists(folder))
                throw new ArgumentException(
                    $"corpus.name '{spec.Name}' is not fetched into {Path.GetFullPath(folder)}; run `data fetch {spec.Name} --data {dataDirectory}` first.");
            try
            {
                CorpusProvenance.Verify(folder);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
            {
                throw new ArgumentException($"corpus.name '{spec.Name}': {e.Message}");
            }

            return folder;
        }

        if (string.IsNullOrWhiteSpace(spec.Path))
            throw new ArgumentException("corpus.path (a file or folder) or corpus.name (a fetched corpus) is required for a text corpus.");
        if (!File.Exists(spec.Path) && !Directory.Exists(spec.Path))
            throw new ArgumentException($"corpus.path {spec.Path} does not exist.");
        return spec.Path;
    }
}
