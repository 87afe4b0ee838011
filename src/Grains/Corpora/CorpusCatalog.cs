using System.Collections.Concurrent;
using OrleansSweep.Compute.Corpora;

namespace OrleansSweep.Grains.Corpora;

/// <summary>
/// Builds each corpus a spec names once per silo and shares it between the runs trained there; corpora are immutable
/// arrays, so sharing is safe. What a kind means is its <see cref="ICorpusKind"/>'s (see <see cref="CorpusKinds"/>).
/// </summary>
/// <param name="dataDirectory">The silo's data folder; fetched corpora (corpus.name) lie under its corpora/.</param>
public sealed class CorpusCatalog(string dataDirectory)
{
    private readonly ConcurrentDictionary<CorpusSpec, Lazy<TokenCorpus>> corpora = new();

    /// <summary>The silo's data folder, whose corpora/ holds the fetched corpora.</summary>
    public string DataDirectory => dataDirectory;

    /// <summary>The tokens of <paramref name="spec"/>; throws one sentence naming the field or path when it cannot be built.</summary>
    public TokenCorpus Get(CorpusSpec spec)
    {
        var entry = corpora.GetOrAdd(spec, s => new Lazy<TokenCorpus>(() => KindOf(s).Build(s, dataDirectory)));
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

    /// <summary>Checks a spec and describes it with its optimal loss, or throws one sentence.</summary>
    public (string Description, double? OptimalLoss) Describe(CorpusSpec spec) => KindOf(spec).Describe(spec, this);

    // The spec's kind, once its fields are within the bounds of the spec table: callers outside a sweep (experiment,
    // ngram-rank) reach the catalog without a launch's validation.
    private static ICorpusKind KindOf(CorpusSpec spec)
    {
        var kind = CorpusKinds.Of(spec);
        if (SpecFields.Problem(new SweepSpec { Corpus = spec }, f => f.Section == "corpus") is { } problem) throw new ArgumentException(problem);
        return kind;
    }

    /// <summary>Refuses a model context the spec's corpus cannot serve (for instance one cutting repeat sequences).</summary>
    /// <remarks>An unknown kind passes here and in <see cref="VocabularySize"/>: describing or building it refuses it.</remarks>
    public static void CheckContext(CorpusSpec spec, int context) => CorpusKinds.Find(spec.Kind)?.CheckContext(spec, context);

    /// <summary>Refuses a sweep with a context its corpus cannot serve: the base model's, each listed one, and a range's bounds.</summary>
    public static void CheckContexts(SweepSpec spec)
    {
        var axis = spec.Grid.Where(a => a.Name == "context").SelectMany(a => a.Values)
            .Concat(spec.Parameters.Where(p => p.Name == "context").SelectMany(p => p.Values.Concat(new[] { p.Value, p.Min, p.Max }.OfType<double>())));
        foreach (var context in axis.Append(spec.Model.Context).Distinct()) CheckContext(spec.Corpus, (int)Math.Min(int.MaxValue, context));
    }

    /// <summary>The number of token ids a spec's corpus uses, without building it.</summary>
    public static int VocabularySize(CorpusSpec spec) => CorpusKinds.Find(spec.Kind)?.VocabularySize(spec) ?? spec.Vocabulary;
}
