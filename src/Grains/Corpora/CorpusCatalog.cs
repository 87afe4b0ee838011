using System.Collections.Concurrent;
using System.Globalization;
using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Corpora.Packaged;
using OrleansSweep.Compute.Tokenizers;

namespace OrleansSweep.Grains.Corpora;

/// <summary>
/// Builds each corpus a spec names once per silo and shares it between the runs trained there; corpora are immutable
/// arrays, so sharing is safe. Fetched corpora (corpus.name) are found under <paramref name="dataDirectory"/>/corpora.
/// </summary>
public sealed class CorpusCatalog(string dataDirectory)
{
    private const string Kinds = "low-rank-markov, hmm, repeat or text";
    private readonly ConcurrentDictionary<CorpusSpec, Lazy<TokenCorpus>> corpora = new();

    /// <summary>The tokens of <paramref name="spec"/>; throws one sentence naming the field or path when it cannot be built.</summary>
    public TokenCorpus Get(CorpusSpec spec)
    {
        var entry = corpora.GetOrAdd(spec, s => new Lazy<TokenCorpus>(() => Build(s)));
        try
        {
            return entry.Value;
        }
        catch
        {
            // Lazy keeps its exception; forget it, so a run retried after its corpus was fixed builds it again.
            corpora.TryRemove(new KeyValuePair<CorpusSpec, Lazy<TokenCorpus>>(spec, entry));
            throw;
        }
    }

    /// <summary>
    /// Checks a spec and describes it with its optimal loss, or throws one sentence. Languages with a closed-form optimum and
    /// text are not sampled or tokenized here; an HMM is built, since its optimum is estimated on a sample.
    /// </summary>
    public (string Description, double? OptimalLoss) Describe(CorpusSpec spec)
    {
        switch (spec.Kind)
        {
            case "low-rank-markov":
                var language = LowRankMarkovLanguage.Create(MarkovParameters(spec));
                return (Description(spec), language.EntropyRate);
            case "hmm":
                var corpus = Get(spec);
                return (corpus.Description, corpus.OptimalLoss);
            case "repeat":
                return (Description(spec), Repeat(spec).OptimalLoss);
            case "text":
                var source = TextSource(spec);
                CorpusLoader.ReadDocuments(source, spec.TextField);
                TextTokenizers.Create(spec.Tokenizer);
                return (Description(spec), null);
            default:
                throw new ArgumentException($"corpus.kind '{spec.Kind}' is unknown; use {Kinds}.");
        }
    }

    /// <summary>Refuses a context that would cut held-out windows across the sequences of a repeat corpus.</summary>
    public static void CheckContext(CorpusSpec spec, int context)
    {
        if (spec.Kind == "repeat" && spec.SequenceLength > 0 && context % spec.SequenceLength != 0)
            throw new ArgumentException(
                $"model.context {context} is not a multiple of corpus.sequence_length {spec.SequenceLength}, so held-out windows " +
                "would start mid-sequence; make the context a multiple of it.");
    }

    /// <summary>The number of token ids a spec's corpus uses, without building it.</summary>
    public static int VocabularySize(CorpusSpec spec) =>
        spec.Kind == "text" ? TextTokenizers.Create(spec.Tokenizer).VocabularySize : spec.Vocabulary;

    private TokenCorpus Build(CorpusSpec spec) => spec.Kind switch
    {
        "low-rank-markov" => CorpusLoader.FromLowRankMarkov(MarkovParameters(spec), spec.TrainTokens, spec.HeldOutTokens),
        "hmm" => CorpusLoader.FromHiddenMarkov(HiddenMarkovParameters(spec), spec.TrainTokens, spec.HeldOutTokens, spec.EstimateTokens).Corpus,
        "repeat" => CorpusLoader.FromRepeat(Repeat(spec), spec.Seed, spec.TrainTokens, spec.HeldOutTokens),
        "text" => CorpusLoader.FromText(TextSource(spec), TextTokenizers.Create(spec.Tokenizer), textField: spec.TextField),
        _ => throw new ArgumentException($"corpus.kind '{spec.Kind}' is unknown; use {Kinds}."),
    };

    // A path as given, or a fetched corpus's folder once its files match their provenance.
    private string TextSource(CorpusSpec spec)
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

    private static LowRankMarkovParameters MarkovParameters(CorpusSpec spec)
    {
        CheckSampleSizes(spec);
        var parameters = new LowRankMarkovParameters(spec.Vocabulary, spec.Rank, spec.Beta, spec.EmissionConcentration, spec.Seed);
        parameters.Validate();
        return parameters;
    }

    private static HiddenMarkovParameters HiddenMarkovParameters(CorpusSpec spec)
    {
        CheckSampleSizes(spec);
        if (spec.EstimateTokens < 1024) throw new ArgumentException("corpus.estimate_tokens must be at least 1024.");
        var parameters = new HiddenMarkovParameters(spec.Vocabulary, spec.Rank, spec.Beta, spec.EmissionConcentration, spec.Seed);
        parameters.Validate();
        return parameters;
    }

    private static RepeatLanguage Repeat(CorpusSpec spec)
    {
        CheckSampleSizes(spec);
        if (spec.Vocabulary < 2) throw new ArgumentException("corpus.vocabulary must be at least 2.");
        if (spec.SequenceLength < 2) throw new ArgumentException("corpus.sequence_length must be at least 2.");
        return new RepeatLanguage(spec.Vocabulary, spec.SequenceLength);
    }

    private static void CheckSampleSizes(CorpusSpec spec)
    {
        if (spec.TrainTokens < 2) throw new ArgumentException("corpus.train_tokens must be at least 2.");
        if (spec.HeldOutTokens < 2) throw new ArgumentException("corpus.held_out_tokens must be at least 2.");
    }

    private static string Description(CorpusSpec spec) => spec.Kind switch
    {
        "text" => $"text {spec.Name ?? spec.Path} ({spec.Tokenizer})",
        "repeat" => string.Create(CultureInfo.InvariantCulture, $"repeat V={spec.Vocabulary} L={spec.SequenceLength} seed={spec.Seed}"),
        _ => $"low-rank Markov V={spec.Vocabulary} R={spec.Rank} β={spec.Beta} α={spec.EmissionConcentration} seed={spec.Seed}",
    };
}
