namespace OrleansSweep.Compute.Ngrams;

/// <summary>The n-gram rank estimate of a matrix (SCIENCE §9, plus the noise-aware rank of docs/NGRAM_RANK.md).</summary>
/// <param name="Contexts">C, the kept contexts (rows).</param>
/// <param name="EffectiveVocabulary">V_eff, the tokens that occur as next tokens in kept rows (columns).</param>
/// <param name="NonZeros">nnz of W.</param>
/// <param name="Route">The route that computed <paramref name="Singular"/>: exact or randomised, never auto.</param>
/// <param name="Singular">σ descending: all V_eff of them (exact) or the top k (randomised).</param>
/// <param name="FrobeniusSquared">‖W‖_F², which gives the W-error curve the mass of σ not computed.</param>
/// <param name="WError">W-error(r) for r = 0..len(Singular).</param>
/// <param name="Ranks">
/// For each τ of <see cref="NgramRankEstimator.Tolerances"/>, the smallest r with W-error(r) ≤ τ; null when the computed σ do not reach τ.
/// </param>
/// <param name="WhitenedSingular">
/// σ of the whitened matrix S, W scaled by floored correspondence-analysis weights (same rank as W; see <see cref="NoiseFloor"/>), descending; for an
/// exact distribution, σ of W itself.
/// </param>
/// <param name="NoiseNorm">‖D̃‖₂, the split-half estimate of the whitened noise's spectral norm; 0 for an exact distribution.</param>
/// <param name="NoiseFloor">The safety factor × <paramref name="NoiseNorm"/>: σ of S at or below it are indistinguishable from noise.</param>
/// <param name="NoiseAwareRank">The number of σ of S above the floor; null when all computed σ are (the rank exceeds the top k).</param>
public sealed record NgramRankResult(
    int Contexts,
    int EffectiveVocabulary,
    long NonZeros,
    SpectrumRoute Route,
    double[] Singular,
    double FrobeniusSquared,
    double[] WError,
    IReadOnlyList<(double Tolerance, int? Rank)> Ranks,
    double[] WhitenedSingular,
    double NoiseNorm,
    double NoiseFloor,
    int? NoiseAwareRank);
