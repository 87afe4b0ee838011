using OrleansSweep.Compute.Probes;

namespace OrleansSweep.Compute.Ngrams;

/// <summary>The rank of the data (SCIENCE §9): the spectrum of an n-gram matrix, its W-error ranks and its noise-aware rank.</summary>
public static class NgramRankEstimator
{
    // Partial Grams held at once by the exact route: each is V_eff² doubles.
    private const int MaxGramShards = 4;

    /// <summary>The τ of SCIENCE §9 at which the smallest r with W-error(r) ≤ τ is reported.</summary>
    public static IReadOnlyList<double> Tolerances { get; } = [0.5, 0.2, 0.1, 0.01];

    /// <summary>Counts the order-<paramref name="order"/> matrix of <paramref name="tokens"/> and estimates its rank.</summary>
    public static NgramRankResult Estimate(
        int[] tokens, int order, int minCount, NgramRankOptions? options = null, CancellationToken cancellation = default) =>
        Estimate(NgramCounter.Count(tokens, order, minCount), options, cancellation);

    /// <summary>
    /// Estimates the rank of <paramref name="matrix"/>. The noise-aware rank counts the σ of the whitened matrix above the
    /// split-half noise floor (<see cref="NoiseFloor"/>); an exact distribution has no noise, and its noise-aware rank is the
    /// number of σ of W the route can tell from 0.
    /// </summary>
    public static NgramRankResult Estimate(NgramMatrix matrix, NgramRankOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= new NgramRankOptions();
        var w = matrix.Probabilities;
        if (w.NonZeros == 0) throw new ArgumentException("the n-gram matrix is empty: no context was seen min count times.");
        var route = options.Route != SpectrumRoute.Auto ? options.Route
            : w.Columns <= options.ExactLimit ? SpectrumRoute.Exact : SpectrumRoute.Randomized;
        var singular = Spectrum(w, route, options, cancellation);
        var frobeniusSquared = w.FrobeniusSquared();
        var curve = Spectra.WError(singular, frobeniusSquared);
        var ranks = Tolerances.Select(tau => new ToleranceRank(tau, FirstAtOrBelow(curve, tau))).ToList();

        var (whitened, noiseNorm) = (singular, 0.0);
        if (matrix is { HalfDifference: { } difference, RowCounts: { } counts })
        {
            var (signal, noise) = NoiseFloor.Whitened(w, difference, counts);
            whitened = Spectrum(signal, route, options, cancellation);
            noiseNorm = NoiseFloor.SpectralNorm(noise, options.Seed, cancellation);
        }

        var floor = options.NoiseSafetyFactor * noiseNorm;
        var above = whitened.Count(s => s > floor);
        // Every computed σ above the floor: the rank is beyond what was computed, unless that was the whole spectrum.
        int? noiseAwareRank = above == whitened.Length && whitened.Length < w.Columns ? null : above;
        return new NgramRankResult(
            w.Rows, w.Columns, w.NonZeros, route, singular, frobeniusSquared, curve, ranks, whitened, noiseNorm, floor, noiseAwareRank);
    }

    private static double[] Spectrum(SparseRowMatrix matrix, SpectrumRoute route, NgramRankOptions options, CancellationToken cancellation) =>
        route == SpectrumRoute.Exact
            ? GramMatrix.Of(matrix, Math.Clamp(matrix.Rows / 1024, 1, Math.Min(MaxGramShards, Environment.ProcessorCount)), cancellation)
                .SingularValues()
            : BlockKrylov.TopSingularValues(matrix, Math.Min(options.TopK, matrix.Columns), options.KrylovDepth, options.Seed, cancellation);

    private static int? FirstAtOrBelow(double[] curve, double tolerance)
    {
        for (var r = 0; r < curve.Length; r++)
            if (curve[r] <= tolerance) return r;
        return null;
    }
}
