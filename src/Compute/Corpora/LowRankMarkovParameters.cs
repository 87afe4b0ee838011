namespace OrleansSweep.Compute.Corpora;

/// <summary>
/// Everything that defines a low-rank Markov language (SCIENCE.md §10): each of the R states (token groups) owns the tokens
/// w with w mod R equal to it, so R is exactly the rank of the bigram probability matrix.
/// </summary>
public sealed record LowRankMarkovParameters(
    int VocabularySize = 256,
    int Rank = 32,
    double Beta = 1.0,
    double EmissionConcentration = 1.0,
    int Seed = 1)
    : HiddenChainParameters(VocabularySize, Rank, Beta, EmissionConcentration, Seed)
{
    /// <inheritdoc/>
    protected override void ValidateVocabularySize()
    {
        if (VocabularySize < Rank)
        {
            throw new ArgumentException(
                $"corpus.vocabulary must be at least corpus.rank ({Rank}) so that every state owns a token, got {VocabularySize}.");
        }
    }
}
