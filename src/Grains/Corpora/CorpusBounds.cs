namespace OrleansSweep.Grains.Corpora;

/// <summary>
/// The numeric bounds on a corpus spec's fields, each refused in one sentence naming its YAML field; kept together rather
/// than in each kind, so that every bound is stated once.
/// </summary>
internal static class CorpusBounds
{
    /// <summary>The two sample sizes every sampled language needs: both streams must hold a next-token pair.</summary>
    public static void CheckSampleSizes(CorpusSpec spec)
    {
        AtLeast(spec.TrainTokens, 2, "corpus.train_tokens");
        AtLeast(spec.HeldOutTokens, 2, "corpus.held_out_tokens");
    }

    /// <summary>The HMM's estimation sample, long enough for its 64 batch means to be meaningful.</summary>
    public static void CheckEstimateTokens(CorpusSpec spec) => AtLeast(spec.EstimateTokens, 1024, "corpus.estimate_tokens");

    /// <summary>The repeat language's V and L: one token per sequence would leave nothing to learn or to copy.</summary>
    public static void CheckRepeat(CorpusSpec spec)
    {
        AtLeast(spec.Vocabulary, 2, "corpus.vocabulary");
        AtLeast(spec.SequenceLength, 2, "corpus.sequence_length");
    }

    private static void AtLeast(int value, int minimum, string field)
    {
        if (value < minimum) throw new ArgumentException($"{field} must be at least {minimum}.");
    }
}
