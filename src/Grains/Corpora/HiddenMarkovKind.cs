using OrleansSweep.Compute.Corpora;

namespace OrleansSweep.Grains.Corpora;

/// <summary>
/// corpus.kind hmm (SCIENCE.md §11): its optimum is estimated on a sample, so describing builds the corpus (through the
/// catalog, which keeps it) and takes the description and the estimate from it.
/// </summary>
internal sealed class HiddenMarkovKind : ICorpusKind
{
    public string Name => "hmm";

    public (string Description, double? OptimalLoss) Describe(CorpusSpec spec, CorpusCatalog corpora)
    {
        var corpus = corpora.Get(spec);
        return (corpus.Description, corpus.OptimalLoss);
    }

    public TokenCorpus Build(CorpusSpec spec, string dataDirectory)
    {
        var parameters = new HiddenMarkovParameters(spec.Vocabulary, spec.Rank, spec.Beta, spec.EmissionConcentration, spec.Seed);
        parameters.Validate();
        return CorpusLoader.FromHiddenMarkov(parameters, spec.TrainTokens, spec.HeldOutTokens, spec.EstimateTokens).Corpus;
    }
}
