using OrleansSweep.Compute.Corpora;

namespace OrleansSweep.Grains.Corpora;

/// <summary>One value of corpus.kind: how a spec of that kind is checked, described and built.</summary>
/// <remarks>Errors a spec can cause are one sentence naming its YAML field or path, thrown as <see cref="ArgumentException"/>.</remarks>
public interface ICorpusKind
{
    /// <summary>The corpus.kind that selects this kind.</summary>
    string Name { get; }

    /// <summary>
    /// Checks <paramref name="spec"/> and describes it with its optimal loss, building no more than the optimum needs; a kind
    /// whose optimum is estimated on a sample builds through <paramref name="corpora"/>, so the corpus is built once.
    /// </summary>
    (string Description, double? OptimalLoss) Describe(CorpusSpec spec, CorpusCatalog corpora);

    /// <summary>The tokens of <paramref name="spec"/>; fetched corpora lie under <paramref name="dataDirectory"/>/corpora.</summary>
    TokenCorpus Build(CorpusSpec spec, string dataDirectory);

    /// <summary>The number of token ids the corpus uses, without building it: corpus.vocabulary unless the kind says otherwise.</summary>
    int VocabularySize(CorpusSpec spec) => spec.Vocabulary;

    /// <summary>Refuses a model context the corpus cannot serve; most kinds serve any.</summary>
    void CheckContext(CorpusSpec spec, int context)
    {
    }
}
