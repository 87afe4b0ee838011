using OrleansSweep.Compute.Corpora;

namespace OrleansSweep.Grains.Corpora;

/// <summary>corpus.kind low-rank-markov (SCIENCE.md §10): its optimum is the exact entropy rate, so describing samples nothing.</summary>
internal sealed class LowRankMarkovKind : ICorpusKind
{
    public string Name => "low-rank-markov";

    public (string Description, double? OptimalLoss) Describe(CorpusSpec spec, CorpusCatalog corpora) =>
    (
        FormattableString.Invariant($"low-rank Markov V={spec.Vocabulary} R={spec.Rank} β={spec.Beta} α={spec.EmissionConcentration} seed={spec.Seed}"),
        LowRankMarkovLanguage.Create(Parameters(spec)).EntropyRate
    );

    public TokenCorpus Build(CorpusSpec spec, string dataDirectory) =>
        CorpusLoader.FromLowRankMarkov(Parameters(spec), spec.TrainTokens, spec.HeldOutTokens);

    private static LowRankMarkovParameters Parameters(CorpusSpec spec)
    {
        var parameters = new LowRankMarkovParameters(spec.Vocabulary, spec.Rank, spec.Beta, spec.EmissionConcentration, spec.Seed);
        parameters.Validate();
        return parameters;
    }
}
