using System.Diagnostics;
using OrleansSweep.Compute.Ngrams;

namespace OrleansSweep.Grains.Ngrams;

/// <summary>Runs the n-gram rank estimate on a token stream and turns its result into the wire record; the grain and the CLI share it.</summary>
public static class NgramRankComputation
{
    /// <summary>Counts, estimates and times; user errors (order, min count, too few tokens) surface as ArgumentException.</summary>
    public static NgramRankEstimate Run(
        int[] tokens, string source, int order, int minCount, NgramRankOptions? options = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var result = NgramRankEstimator.Estimate(tokens, order, minCount, options, cancellation);
        return new NgramRankEstimate
        {
            Source = source,
            Order = order,
            MinCount = minCount,
            Tokens = tokens.Length,
            Contexts = result.Contexts,
            EffectiveVocabulary = result.EffectiveVocabulary,
            NonZeros = result.NonZeros,
            Route = result.Route == SpectrumRoute.Exact ? "exact" : "randomized",
            Singular = result.Singular,
            FrobeniusSquared = result.FrobeniusSquared,
            WError = result.WError,
            Ranks = result.Ranks.Select(r => new ToleranceRank(r.Tolerance, r.Rank)).ToList(),
            WhitenedSingular = result.WhitenedSingular,
            NoiseNorm = result.NoiseNorm,
            NoiseFloor = result.NoiseFloor,
            NoiseAwareRank = result.NoiseAwareRank,
            Seconds = clock.Elapsed.TotalSeconds,
        };
    }
}
