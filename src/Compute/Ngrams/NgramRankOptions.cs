namespace OrleansSweep.Compute.Ngrams;

/// <summary>Choices of the n-gram rank estimate; the defaults suit matrices up to a few tens of thousands of columns.</summary>
public sealed record NgramRankOptions
{
    /// <summary>Exact, randomised, or chosen by <see cref="ExactLimit"/>.</summary>
    public SpectrumRoute Route { get; init; } = SpectrumRoute.Auto;

    /// <summary>Auto takes the exact route up to this many columns (its Gram is V_eff² doubles: 128 MiB at 4096).</summary>
    public int ExactLimit { get; init; } = 4096;

    /// <summary>Randomised route: how many of the largest σ to compute; ranks beyond it are reported as unknown.</summary>
    public int TopK { get; init; } = 512;

    /// <summary>Randomised route: Krylov blocks; memory is V_eff × depth × (TopK + 10) doubles.</summary>
    public int KrylovDepth { get; init; } = 4;

    /// <summary>
    /// The noise floor is this multiple of ‖D‖₂, the split-half estimate of the sampling noise's spectral norm; the margin covers
    /// the estimate's own fluctuation (docs/NGRAM_RANK.md).
    /// </summary>
    public double NoiseSafetyFactor { get; init; } = 1.3;

    /// <summary>Seeds the random blocks of the Krylov iterations.</summary>
    public int Seed { get; init; }
}
