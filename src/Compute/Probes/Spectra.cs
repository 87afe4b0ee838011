namespace OrleansSweep.Compute.Probes;

/// <summary>
/// Pure functions of a singular-value spectrum (SCIENCE §2–3), shared by the head probe and the n-gram rank estimate, so both
/// report the same numbers for the same σ.
/// </summary>
public static class Spectra
{
    /// <summary>σ_i/σ_1 for the first <paramref name="count"/> values of a descending spectrum; zeros when σ_1 = 0.</summary>
    public static double[] TopRatios(IReadOnlyList<double> singular, int count = 100)
    {
        var n = Math.Min(count, singular.Count);
        var top = n > 0 ? singular[0] : 0;
        return Enumerable.Range(0, n).Select(i => top > 0 ? singular[i] / top : 0).ToArray();
    }

    /// <summary>KL(p‖U) = ln k − H(p), p_i = σ_i/Σσ, in nats: 0 for a flat spectrum, ln k for a single direction.</summary>
    public static double SingularEntropy(IReadOnlyList<double> singular)
    {
        var k = singular.Count;
        var total = singular.Sum();
        if (k == 0 || total <= 0) throw new ArgumentException("singular entropy needs at least one positive singular value.");
        var entropy = 0.0;
        foreach (var s in singular)
        {
            // 0 · ln 0 = 0: exact zeros (rank-deficient heads) carry no mass.
            if (s <= 0) continue;
            var p = s / total;
            entropy -= p * Math.Log(p);
        }
        return Math.Log(k) - entropy;
    }

    /// <summary>
    /// W-error(r) = sqrt(Σ_{i>r} σ_i²)/‖W‖_F for r = 0..k (Eckart–Young: the relative Frobenius error of the best rank-r
    /// approximation). Tails are summed from the small end so the curve stays accurate where it is near 0.
    /// </summary>
    public static double[] WError(IReadOnlyList<double> singular) => WError(singular, FrobeniusSquared(singular));

    /// <summary>
    /// The same curve when only the top σ are known (a randomised top-k): <paramref name="frobeniusSquared"/> = ‖W‖_F² supplies
    /// the mass of the unseen tail, so the curve is exact for r = 0..len(σ).
    /// </summary>
    public static double[] WError(IReadOnlyList<double> singular, double frobeniusSquared)
    {
        if (frobeniusSquared <= 0) throw new ArgumentException("the W-error curve needs a non-zero matrix.");
        var k = singular.Count;
        var tail = new double[k + 1];
        tail[k] = Math.Max(0, frobeniusSquared - FrobeniusSquared(singular));
        for (var r = k - 1; r >= 0; r--) tail[r] = tail[r + 1] + singular[r] * singular[r];
        return tail.Select(t => Math.Sqrt(t / frobeniusSquared)).ToArray();
    }

    /// <summary>The smallest r with W-error(r) ≤ <paramref name="tolerance"/> on a curve from <see cref="WError(IReadOnlyList{double})"/>.</summary>
    public static int SmallestRank(IReadOnlyList<double> wError, double tolerance)
    {
        for (var r = 0; r < wError.Count; r++)
            if (wError[r] <= tolerance) return r;
        throw new ArgumentException($"the W-error curve never falls to {tolerance}; it should end at 0.");
    }

    private static double FrobeniusSquared(IReadOnlyList<double> singular) => singular.Sum(s => s * s);
}
