namespace OrleansSweep.Abstractions;

/// <summary>The rank of the data by n-gram estimate (SCIENCE.md §9; the noise-aware rank is in docs/NGRAM_RANK.md).</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.NgramRankEstimate")]
public sealed record NgramRankEstimate
{
    /// <summary>Where the tokens came from.</summary>
    [Id(0)] public required string Source { get; init; }
    [Id(1)] public int Order { get; init; }
    [Id(2)] public int MinCount { get; init; }
    /// <summary>Length of the token stream counted.</summary>
    [Id(3)] public long Tokens { get; init; }
    /// <summary>C, the kept contexts.</summary>
    [Id(4)] public int Contexts { get; init; }
    /// <summary>V_eff, the tokens that occur as next tokens in kept rows.</summary>
    [Id(5)] public int EffectiveVocabulary { get; init; }
    [Id(6)] public long NonZeros { get; init; }
    /// <summary>"exact" (Gram eigenvalues, every σ) or "randomized" (block Krylov, top k σ).</summary>
    [Id(7)] public string Route { get; init; } = "";
    /// <summary>σ of W, descending.</summary>
    [Id(8)] public IReadOnlyList<double> Singular { get; init; } = [];
    [Id(9)] public double FrobeniusSquared { get; init; }
    /// <summary>W-error(r) for r = 0..len(Singular).</summary>
    [Id(10)] public IReadOnlyList<double> WError { get; init; } = [];
    /// <summary>The smallest r with W-error(r) ≤ τ for τ = 0.5, 0.2, 0.1, 0.01.</summary>
    [Id(11)] public IReadOnlyList<ToleranceRank> Ranks { get; init; } = [];
    /// <summary>σ of the whitened matrix diag(√count(c))·W·diag(1/√q_w), compared with the noise floor.</summary>
    [Id(12)] public IReadOnlyList<double> WhitenedSingular { get; init; } = [];
    /// <summary>The split-half estimate of the whitened sampling noise's spectral norm.</summary>
    [Id(13)] public double NoiseNorm { get; init; }
    /// <summary>The safety factor × the noise norm.</summary>
    [Id(14)] public double NoiseFloor { get; init; }
    /// <summary>How many whitened σ stand above the noise floor; null when all computed ones do.</summary>
    [Id(15)] public int? NoiseAwareRank { get; init; }
    /// <summary>Wall time of the count and the spectra.</summary>
    [Id(16)] public double Seconds { get; init; }
    /// <summary>Why the estimate could not be computed; the numbers are then empty.</summary>
    [Id(17)] public string? Error { get; init; }
}
