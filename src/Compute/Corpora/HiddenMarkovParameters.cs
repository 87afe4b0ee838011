namespace OrleansSweep.Compute.Corpora;

/// <summary>Everything that defines an HMM language (SCIENCE.md §11): every one of the R states emits every one of the V tokens.</summary>
public sealed record HiddenMarkovParameters(
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
        if (VocabularySize < 2)
        {
            throw new ArgumentException($"corpus.vocabulary must be at least 2, got {VocabularySize}.");
        }
    }
}
