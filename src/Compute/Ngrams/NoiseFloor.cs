namespace OrleansSweep.Compute.Ngrams;

/// <summary>
/// The sampling-noise level of an empirical n-gram matrix, by split half (docs/NGRAM_RANK.md). W = P + E, P the true
/// next-token distributions (rank R), E the noise of finite counts: E is full rank, so W is, and the plain W-error ranks grow
/// with the vocabulary instead of stopping at R.
/// <para>
/// Each context's occurrences alternate between two halves with counts n₁ ≥ n₂ and empirical rows p̂₁, p̂₂;
/// D = (p̂₁ − p̂₂)·√(n₁n₂)/n contains no P and, row by row, has E's covariance (diag p − ppᵀ)/n. Rows seen once have no second
/// half and give D a zero row, so streams rich in them get a low floor; a min count of 2 avoids that.
/// </para>
/// <para>
/// E's variance differs by orders of magnitude between a context seen 3 times and one seen 10⁵ times, and the rare rows' noise
/// would hide every weak signal direction. Both W and D are therefore whitened as in correspondence analysis,
/// S = diag(√n_c)·W·diag(1/√q_w) with q_w the next-token marginal, but with n_c and the next-token counts floored at their means:
/// a positive diagonal scaling, so rank(S) = rank(W), under which the noise's variance sums are at most V_eff per row and C per
/// column, so its norm stays near the bulk edge √C + √V_eff. Unfloored, Zipf's tail breaks that: a context seen twice followed by a
/// token seen once has a noise row of norm ≈ √N. Then ‖D̃‖₂ estimates ‖Ẽ‖₂, and by Weyl σ_{R+1}(S) ≤ σ_{R+1}(signal) + ‖Ẽ‖₂ = ‖Ẽ‖₂: the σ of S above the noise's norm are
/// signal, and their count is the noise-aware rank.
/// </para>
/// </summary>
public static class NoiseFloor
{
    // ‖D̃‖₂ sits at the edge of a flat noise spectrum, where Krylov converges slowly; a deep space of a few columns is cheap.
    private const int Depth = 12;

    /// <summary>
    /// S and D̃: W and its split-half probe D scaled as in correspondence analysis, S[c, w] = count(c, w)·√N / √(n̄_c·m̄_w),
    /// with the context count n_c and the next-token count m_w floored at their means: n̄_c = max(n_c, N/C), m̄_w = max(m_w, N/V_eff).
    /// </summary>
    public static (SparseRowMatrix Signal, SparseRowMatrix Noise) Whitened(SparseRowMatrix probabilities, SparseRowMatrix halfDifference, double[] rowCounts)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(halfDifference);
        ArgumentNullException.ThrowIfNull(rowCounts);
        var columnCounts = new double[probabilities.Columns];
        for (var row = 0; row < probabilities.Rows; row++)
            for (var k = probabilities.RowPointers[row]; k < probabilities.RowPointers[row + 1]; k++)
                columnCounts[probabilities.ColumnIndices[k]] += rowCounts[row] * probabilities.Values[k];
        var total = rowCounts.Sum();
        // The floors bound every row's and column's noise variance sum by V_eff and C (docs/NGRAM_RANK.md); without them one context
        // seen twice, followed by a token seen once, has a noise row of norm ≈ √N and hides every signal direction.
        var (rowFloor, columnFloor) = (total / probabilities.Rows, total / probabilities.Columns);
        var rowScale = rowCounts.Select(n => n / Math.Sqrt(Math.Max(n, rowFloor))).ToArray();
        var columnScale = columnCounts.Select(m => Math.Sqrt(total / Math.Max(m, columnFloor))).ToArray();
        return (probabilities.Scaled(rowScale, columnScale), halfDifference.Scaled(rowScale, columnScale));
    }

    /// <summary>‖M‖₂, the largest singular value, by block Krylov (a lower bound, tight at this depth).</summary>
    public static double SpectralNorm(SparseRowMatrix matrix, int seed, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var top = BlockKrylov.TopSingularValues(matrix, 1, Depth, seed, cancellation);
        return top.Length == 0 ? 0.0 : top[0];
    }
}
