using System.Collections.Concurrent;
using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Tokenizers;

namespace OrleansSweep.Grains.Corpora;

/// <summary>
/// Builds each corpus a spec names once per silo and shares it between the runs trained there; corpora are immutable
/// arrays, so sharing is safe.
/// </summary>
public sealed class CorpusCatalog
{
    private readonly ConcurrentDictionary<CorpusSpec, Lazy<TokenCorpus>> corpora = new();

    /// <summary>The tokens of <paramref name="spec"/>; throws one sentence naming the field or path when it cannot be built.</summary>
    public TokenCorpus Get(CorpusSpec spec) =>
        corpora.GetOrAdd(spec, s => new Lazy<TokenCorpus>(() => Build(s))).Value;

    /// <summary>Checks a spec without sampling or tokenizing: the description and optimal loss, or one sentence.</summary>
    public static (string Description, double? OptimalLoss) Describe(CorpusSpec spec)
    {
        switch (spec.Kind)
        {
            case "low-rank-markov":
                var language = LowRankMarkovLanguage.Create(MarkovParameters(spec));
                return (Description(spec), language.EntropyRate);
            case "text":
                if (string.IsNullOrWhiteSpace(spec.Path)) throw new ArgumentException("corpus.path is required for a text corpus.");
                if (!File.Exists(spec.Path) && !Directory.Exists(spec.Path))
                    throw new ArgumentException($"corpus.path {spec.Path} does not exist.");
                TextTokenizers.Create(spec.Tokenizer);
                return (Description(spec), null);
            default:
                throw new ArgumentException($"corpus.kind '{spec.Kind}' is unknown; use low-rank-markov or text.");
        }
    }

    /// <summary>The number of token ids a spec's corpus uses, without building it.</summary>
    public static int VocabularySize(CorpusSpec spec) =>
        spec.Kind == "text" ? TextTokenizers.Create(spec.Tokenizer).VocabularySize : spec.Vocabulary;

    private static TokenCorpus Build(CorpusSpec spec) => spec.Kind switch
    {
        "low-rank-markov" => CorpusLoader.FromLowRankMarkov(MarkovParameters(spec), spec.TrainTokens, spec.HeldOutTokens),
        "text" => CorpusLoader.FromText(spec.Path!, TextTokenizers.Create(spec.Tokenizer)),
        _ => throw new ArgumentException($"corpus.kind '{spec.Kind}' is unknown; use low-rank-markov or text."),
    };

    private static LowRankMarkovParameters MarkovParameters(CorpusSpec spec)
    {
        if (spec.TrainTokens < 2) throw new ArgumentException("corpus.train_tokens must be at least 2.");
        if (spec.HeldOutTokens < 2) throw new ArgumentException("corpus.held_out_tokens must be at least 2.");
        var parameters = new LowRankMarkovParameters(spec.Vocabulary, spec.Rank, spec.Beta, spec.EmissionConcentration, spec.Seed);
        parameters.Validate();
        return parameters;
    }

    private static string Description(CorpusSpec spec) => spec.Kind == "text"
        ? $"text {spec.Path} ({spec.Tokenizer})"
        : $"low-rank Markov V={spec.Vocabulary} R={spec.Rank} β={spec.Beta} α={spec.EmissionConcentration} seed={spec.Seed}";
}
