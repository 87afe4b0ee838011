using OrleansSweep.Compute.Arithmetic;

namespace OrleansSweep.Compute.Ngrams;

/// <summary>
/// Top singular values of a sparse matrix by randomised block Krylov (Musco &amp; Musco, NeurIPS 2015) on WᵀW, applied from
/// the CSR arrays: the span of WᵀW·Ω, (WᵀW)²·Ω, … for a Gaussian block Ω, then Rayleigh–Ritz on that span. Ritz values never
/// exceed the true σ_i, and the span is all of R^{V_eff} once depth × block reaches V_eff, where the answer is exact.
/// </summary>
public static class BlockKrylov
{
    // Extra block columns beyond the values wanted: the standard guard that makes the top-k converge from a random start.
    private const int Oversampling = 10;

    // Columns of the Rayleigh–Ritz product WᵀW·Q formed at a time.
    private const int ProductChunkColumns = 256;

    /// <summary>
    /// The <paramref name="count"/> largest σ of <paramref name="matrix"/>, descending, from a Krylov space of
    /// <paramref name="depth"/> blocks of count + 10 columns (capped at the column count); the same seed gives the same values.
    /// </summary>
    public static double[] TopSingularValues(SparseRowMatrix matrix, int count, int depth, int seed, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var columns = matrix.Columns;
        if (columns == 0) return [];
        var width = Math.Min(columns, count + Oversampling);
        depth = Math.Max(1, Math.Min(depth, (columns + width - 1) / width));
        double[] eigenvalues;
        using (var scope = NewDisposeScope())
        {
            using var generator = new Generator((ulong)seed);
            var current = empty(columns, width, float64).normal_(0, 1, generator);
            var blocks = new List<Tensor>();
            for (var step = 0; step < depth; step++)
            {
                cancellation.ThrowIfCancellationRequested();
                // Each block is orthonormalised on its own, which keeps its columns at unit scale however large σ₁^(2·step) grows.
                current = linalg.qr(GramTimes(matrix, current, cancellation)).Q; // (V_eff, width)
                blocks.Add(current);
            }

            var stacked = cat(blocks, 1);
            foreach (var block in blocks) block.Dispose();
            var basis = linalg.qr(stacked).Q; // (V_eff, depth·width), orthonormal
            stacked.Dispose();
            var size = (int)basis.shape[1];
            var projected = zeros(size, size, float64); // Qᵀ WᵀW Q
            // Column chunks: WᵀW·Q whole is V_eff × depth·width doubles, held as managed array, per-thread sums and tensor at once
            // (gigabytes at V_eff ≈ 30k); a chunk's product is a small fraction of that.
            for (var start = 0; start < size; start += ProductChunkColumns)
            {
                using var chunkScope = NewDisposeScope();
                var length = Math.Min(ProductChunkColumns, size - start);
                projected.narrow(1, start, length).copy_(basis.t().matmul(GramTimes(matrix, basis.narrow(1, start, length), cancellation)));
            }

            eigenvalues = linalg.eigvalsh(projected.Plus(projected.t()).DividedBy(2)).data<double>().ToArray();
        }

        return GramMatrix.SingularFromEigenvalues(eigenvalues).Take(count).ToArray();
    }

    private static Tensor GramTimes(SparseRowMatrix matrix, Tensor block, CancellationToken cancellation)
    {
        var width = (int)block.shape[1];
        var product = matrix.GramTimes(block.contiguous().data<double>().ToArray(), width, cancellation);
        return tensor(product, [matrix.Columns, width], float64);
    }
}
