namespace OrleansSweep.Compute.Corpora;

/// <summary>Everything that defines a low-rank Markov language (SCIENCE.md §10); the language is a pure function of it.</summary>
/// <param name="VocabularySize">V, the number of tokens.</param>
/// <param name="Rank">R, the number of hidden states (token groups); the rank of the bigram probability matrix.</param>
/// <param name="Beta">β, the scale of the Gaussian logits of the state transitions; larger is peakier, near 1 keeps log T's spectrum flat.</param>
/// <param name="EmissionConcentration">α_E, the Dirichlet concentration of each group's emission distribution; 1 is uniform on the simplex.</param>
/// <param name="Seed">Seeds the draw of the transitions and emissions; samples take their own seeds.</param>
public sealed record LowRankMarkovParameters(
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

        if (VocabularySize < Rank)
        {
            throw new ArgumentException(
                $"VocabularySize must be at least Rank ({Rank}) so that every state owns a token, but was {VocabularySize}.",
                nameof(VocabularySize));
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
