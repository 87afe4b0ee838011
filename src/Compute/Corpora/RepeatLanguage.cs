namespace OrleansSweep.Compute.Corpora;

/// <summary>
/// Paper 2's trivial pattern (SCIENCE.md §12): the stream is a run of sequences of <see cref="SequenceLength"/> tokens, each
/// one token drawn uniformly from V and repeated. Only the first token of a sequence is unpredictable.
/// </summary>
/// <remarks>
/// What is scored: training windows start at multiples of L (<see cref="TokenCorpus.SequenceLength"/>), and the held-out
/// windows at multiples of the context T; when L divides T every window of both therefore starts at a sequence start. Its
/// T targets are then the copies, except at window positions t with (t + 1) mod L = 0, whose target opens the next sequence
/// and is uniform over V whatever came before. So T/L of every T targets cost ln V at best and the rest 0: the optimal loss
/// is exactly ln V / L per token, which a model that copies its previous token and knows its position reaches. With
/// L = T that is one fresh token per window, the last target.
/// </remarks>
public sealed class RepeatLanguage
{
    /// <summary>Creates the language; V ≥ 2 tokens, sequences of L ≥ 2.</summary>
    public RepeatLanguage(int vocabularySize, int sequenceLength)
    {
        if (vocabularySize < 2)
        {
            throw new ArgumentException($"corpus.vocabulary must be at least 2, got {vocabularySize}.");
        }

        if (sequenceLength < 2)
        {
            throw new ArgumentException($"corpus.sequence_length must be at least 2, got {sequenceLength}.");
        }

        VocabularySize = vocabularySize;
        SequenceLength = sequenceLength;
    }

    /// <summary>V, the number of tokens.</summary>
    public int VocabularySize { get; }

    /// <summary>L, the length of each sequence.</summary>
    public int SequenceLength { get; }

    /// <summary>ln V / L nats per token: the entropy rate, and the optimal loss on windows that start at sequence starts.</summary>
    public double OptimalLoss => Math.Log(VocabularySize) / SequenceLength;

    /// <summary>
    /// A stream of <paramref name="length"/> tokens, starting at a sequence start; the last sequence may be cut short.
    /// The same seed always gives the same stream.
    /// </summary>
    public int[] Sample(int length, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var tokens = new int[length];
        var random = new System.Random(seed);
        for (var start = 0; start < length; start += SequenceLength)
        {
            tokens.AsSpan(start, Math.Min(SequenceLength, length - start)).Fill(random.Next(VocabularySize));
        }

        return tokens;
    }
}
