namespace OrleansSweep.Compute.Corpora;

/// <summary>Everything that defines an HMM language (SCIENCE.md §11); the language is a pure function of it.</summary>
/// <param name="VocabularySize">V, the number of tokens; every state emits every token.</param>
/// <param name="Rank">R, the number of hidden states; the rank of the bigram (and any n-gram) probability matrix is at most R.</param>
/// <param name="Beta">β, the scale of the Gaussian logits of the state transitions.</param>
/// <param name="EmissionConcentration">α_E, the Dirichlet concentration of each state's emission distribution over all V tokens.</param>
/// <param name="Seed">Seeds the draw of the transitions and emissions; samples take their own seeds.</param>
public sealed record HiddenMarkovParameters(
    int VocabularySize = 256,
    int Rank = 32,
    double Beta = 1.0,
    double EmissionConcentration = 1.0,
    int Seed = 1)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that cannot define a language.</summary>
    public void Validate()
    {
        if (Rank < 1)
        {
            throw new ArgumentException($"Rank must be at least 1, but was {Rank}.", nameof(Rank));
        }

        if (VocabularySize < 2)
        {
            throw new ArgumentException($"VocabularySize must be at least 2, but was {VocabularySize}.", nameof(VocabularySize));
        }

        if (!double.IsFinite(Beta) || Beta <= 0)
        {
            throw new ArgumentException($"Beta must be a positive finite number, but was {Beta}.", nameof(Beta));
        }

        if (!double.IsFinite(EmissionConcentration) || EmissionConcentration <= 0)
        {
            throw new ArgumentException(
                $"EmissionConcentration must be a positive finite number, but was {EmissionConcentration}.",
                nameof(EmissionConcentration));
        }
    }
}
