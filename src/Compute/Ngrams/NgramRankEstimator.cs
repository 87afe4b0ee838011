using OrleansSweep.Compute.Probes;

namespace OrleansSweep.Compute.Ngrams;

/// <summary>The rank of the data (SCIENCE §9): the spectrum of an n-gram matrix, its W-error ranks and its noise-aware rank.</summary>
public static class NgramRankEstimator
{
    // Partial Grams held at once by the exact route: each is V_eff² doubles.
    private const int MaxGramShards = 4;

    // The randomised route grows k until W-error(k) reaches this τ (SCIENCE §9's 0.5 and 0.2 then both have a rank).
    private const double GrowthTolerance = 0.2;

    // A Krylov basis beyond 4096 columns costs minutes in its QR and Rayleigh–Ritz at V_eff ≈ 30k on two cores; large k trade
    // depth for width instead, and depth 2 still captures the top-k energy well when the block is this wide.
    private const int MaxKrylovColumns = 4096;
    private const int MinKrylovDepth = 2;

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
        var frobeniusSquared = w.FrobeniusSquared();
        var singular = Spectrum(w, route, options, values => Spectra.WError(values, frobeniusSquared)[^1] <= GrowthTolerance, cancellation);
        var curve = Spectra.WError(singular, frobeniusSquared);
        var ranks = Tolerances.Select(tau => (Tolerance: tau, Rank: FirstAtOrBelow(curve, tau))).ToList();

        var (whitened, noiseNorm) = (singular, 0.0);
        if (matrix is { HalfDifference: { } difference, RowCounts: { } counts })
        {
            var (signal, noise) = NoiseFloor.Whitened(w, difference, counts);
            noiseNorm = NoiseFloor.SpectralNorm(noise, options.Seed, cancellation);
            var noiseLevel = options.NoiseSafetyFactor * noiseNorm;
            whitened = Spectrum(signal, route, options, values => values[^1] <= noiseLevel, cancellation);
        }

        var floor = options.NoiseSafetyFactor * noiseNorm;
        var above = whitened.Count(s => s > floor);
        // Every computed σ above the floor: the rank is beyond what was computed, unless that was the whole spectrum.
        int? noiseAwareRank = above == whitened.Length && whitened.Length < w.Columns ? null : above;
        return new NgramRankResult(
            w.Rows, w.Columns, w.NonZeros, route, singular, frobeniusSquared, curve, ranks, whitened, noiseNorm, floor, noiseAwareRank);
    }

    // Exact: every σ. Randomised: the top k for k = InitialTopK, 2·InitialTopK, … up to TopK, until `enough` holds for the values
    // found (the doubling at most doubles the cost of the last k); Ritz values never exceed the true σ, so a W-error read from them
    // is never below the truth, and a rank read from them never below the true rank.
    private static double[] Spectrum(
        SparseRowMatrix matrix, SpectrumRoute route, NgramRankOptions options, Func<double[], bool> enough, CancellationToken cancellation)
    {
        if (route == SpectrumRoute.Exact)
            return GramMatrix.Of(matrix, Math.Clamp(matrix.Rows / 1024, 1, Math.Min(MaxGramShards, Environment.ProcessorCount)), cancellation)
                .SingularValues();
        var limit = Math.Min(options.TopK, matrix.Columns);
        for (var k = Math.Min(options.InitialTopK, limit); ; k = Math.Min(2 * k, limit))
        {
            var depth = Math.Max(MinKrylovDepth, Math.Min(options.KrylovDepth, MaxKrylovColumns / (k + 10)));
            var values = BlockKrylov.TopSingularValues(matrix, k, depth, options.Seed, cancellation);
            if (k == limit || values.Length == 0 || enough(values)) return values;
        }
    }

    private static int? FirstAtOrBelow(double[] curve, double tolerance)
    {
        for (var r = 0; r < curve.Length; r++)
            if (curve[r] <= tolerance) return r;
        return null;
    }
}
