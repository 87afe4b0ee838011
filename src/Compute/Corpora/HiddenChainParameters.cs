namespace OrleansSweep.Compute.Corpora;

/// <summary>
/// What defines a language that runs on a hidden chain (SCIENCE.md §10, §11): R states whose transition rows are
/// softmax(β·g), g standard Gaussian, each emitting by Dirichlet(α_E) weights; the language is a pure function of it.
/// </summary>
/// <param name="VocabularySize">V, the number of tokens.</param>
/// <param name="Rank">R, the number of hidden states; the rank of the bigram (and any n-gram) probability matrix is at most R.</param>
/// <param name="Beta">β, the scale of the Gaussian logits of the state transitions; larger is peakier, near 1 keeps log T's spectrum flat.</param>
/// <param name="EmissionConcentration">α_E, the Dirichlet concentration of each state's emission distribution; 1 is uniform on the simplex.</param>
/// <param name="Seed">Seeds the draw of the transitions and emissions; samples take their own seeds.</param>
public abstract record HiddenChainParameters(int VocabularySize, int Rank, double Beta, double EmissionConcentration, int Seed)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that cannot define a language, as the spec names it.</summary>
    public void Validate()
    {
        if (Rank < 1)
        {
            throw new ArgumentException($"corpus.rank must be at least 1, got {Rank}.");
        }

        ValidateVocabularySize();
        if (!double.IsFinite(Beta) || Beta <= 0)
        {
            throw new ArgumentException(FormattableString.Invariant($"corpus.beta must be positive, got {Beta}."));
        }

        if (!double.IsFinite(EmissionConcentration) || EmissionConcentration <= 0)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"corpus.emission_concentration must be positive, got {EmissionConcentration}."));
        }
    }

    /// <summary>Throws when V tokens cannot serve <see cref="Rank"/> states the way this language emits them.</summary>
    protected abstract void ValidateVocabularySize();
}
