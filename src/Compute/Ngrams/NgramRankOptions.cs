namespace OrleansSweep.Compute.Ngrams;

/// <summary>Choices of the n-gram rank estimate; the defaults suit matrices up to a few tens of thousands of columns.</summary>
public sealed record NgramRankOptions
{
    /// <summary>Exact, randomised, or chosen by <see cref="ExactLimit"/>.</summary>
    public SpectrumRoute Route { get; init; } = SpectrumRoute.Auto;

    /// <summary>Auto takes the exact route up to this many columns (its Gram is V_eff² doubles: 128 MiB at 4096).</summary>
    public int ExactLimit { get; init; } = 4096;

    /// <summary>
    /// Randomised route: at most this many of the largest σ are computed; ranks beyond it are reported as unknown. The route starts
    /// at <see cref="InitialTopK"/> and doubles k while W-error(k) &gt; 0.2 (for W) or every σ is above the noise floor (for S).
    /// </summary>
    public int TopK { get; init; } = 2048;

    /// <summary>Randomised route: the first k tried (capped at <see cref="TopK"/>).</summary>
    public int InitialTopK { get; init; } = 512;

    /// <summary>
    /// Randomised route: Krylov blocks, lowered (to 2 at least) so that depth × (k + 10) stays within 4096 columns; memory is
    /// about V_eff × depth × (k + 10) doubles, three times over during the orthonormalisation.
    /// </summary>
    public int KrylovDepth { get; init; } = 4;

    /// <summary>
    /// The noise floor is this multiple of ‖D‖₂, the split-half estimate of the sampling noise's spectral norm; the margin covers
    /// the estimate's own fluctuation (docs/NGRAM_RANK.md).
    /// </summary>
    public double NoiseSafetyFactor { get; init; } = 1.3;

    /// <summary>Seeds the random blocks of the Krylov iterations.</summary>
    public int Seed { get; init; }
}
