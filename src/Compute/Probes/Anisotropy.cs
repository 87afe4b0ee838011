using OrleansSweep.Compute.Arithmetic;

namespace OrleansSweep.Compute.Probes;

/// <summary>Mean pairwise cosine similarity of a sample of hidden vectors (SCIENCE §1).</summary>
public static class Anisotropy
{
    /// <summary>
    /// A(H) = (‖Σ ĥ_i‖² − M)/(M² − M) for <paramref name="hidden"/> (M, d), M ≥ 2: the mean of cos(h_i, h_j) over i ≠ j in
    /// O(M·d), because ‖Σ ĥ_i‖² counts every ordered pair once plus the M self-pairs. Float64, so M² cancellation stays exact.
    /// </summary>
    public static double Of(Tensor hidden)
    {
        if (hidden.dim() != 2 || hidden.shape[0] < 2) throw new ArgumentException("anisotropy needs an (M, d) sample with M ≥ 2.");
        using var scope = NewDisposeScope();
        return FromUnitSum(UnitSum(hidden), hidden.shape[0]);
    }

    /// <summary>
    /// Σ ĥ_i over the rows of <paramref name="hidden"/> (M, d), float64 (d): sums of batches add up to the sum of the whole
    /// sample, so a probe keeps d numbers per layer instead of every hidden vector.
    /// </summary>
    public static Tensor UnitSum(Tensor hidden)
    {
        var h = hidden.to(float64);
        var unit = h.div(h.norm(1, keepdim: true).AtLeast(1e-300)); // (M, d)
        return unit.sum(dim: 0);
    }

    /// <summary>A(H) from Σ ĥ_i (<paramref name="unitSum"/>) over <paramref name="m"/> ≥ 2 vectors.</summary>
    public static double FromUnitSum(Tensor unitSum, long m)
    {
        if (m < 2) throw new ArgumentException("anisotropy needs at least 2 vectors.");
        var squared = unitSum.Squared().sum().item<double>(); // ‖Σ ĥ_i‖²
        return (squared - m) / ((double)m * m - m);
    }
}
