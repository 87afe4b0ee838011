namespace OrleansSweep.Compute.Ngrams;

/// <summary>
/// G = WᵀW over a set of rows of W (SCIENCE §9, exact route). G is a sum over rows, so shards of rows, counted anywhere that
/// shares the column numbering, give partial Grams whose <see cref="Sum"/> is the Gram of the whole matrix.
/// </summary>
public sealed class GramMatrix
{
    // A row with more than 1/16 of the columns goes through a dense BLAS product: its nnz²/2 scattered updates miss the cache each
    // (≈10 ns), while BLAS spends V² flops at tens of GFLOP/s; the two cost about the same near nnz ≈ V/10.
    private const int DenseRowDivisor = 16;
    private const int DenseChunkRows = 256;

    // float64's unit roundoff ×2: the spacing of doubles at 1.
    private const double MachineEpsilon = 2.220446049250313e-16;

    private GramMatrix(int size, double[] values)
    {
        Size = size;
        Values = values;
    }

    /// <summary>The side of G: the number of columns of W.</summary>
    public int Size { get; }

    /// <summary>G, row-major Size×Size, symmetric.</summary>
    public double[] Values { get; }

    /// <summary>The partial Gram Σ_{c in [firstRow, firstRow + rowCount)} w_cᵀ w_c of one row shard.</summary>
    public static GramMatrix OfRows(SparseRowMatrix matrix, int firstRow, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstRow + rowCount, matrix.Rows);
        var size = matrix.Columns;
        var upper = new double[(long)size * size];
        var denseRows = new List<int>();
        for (var row = firstRow; row < firstRow + rowCount; row++)
        {
            var (start, end) = (matrix.RowPointers[row], matrix.RowPointers[row + 1]);
            if ((end - start) * DenseRowDivisor > size)
            {
                denseRows.Add(row);
                continue;
            }

            // Columns ascend within a row, so b ≥ a fills the upper triangle only; it is mirrored once at the end.
            for (var a = start; a < end; a++)
            {
                var (offset, value) = ((long)matrix.ColumnIndices[a] * size, matrix.Values[a]);
                for (var b = a; b < end; b++) upper[offset + matrix.ColumnIndices[b]] += value * matrix.Values[b];
            }
        }

        AddDenseRows(matrix, denseRows, upper);
        for (var i = 0; i < size; i++)
            for (var j = i + 1; j < size; j++) upper[(long)j * size + i] = upper[(long)i * size + j];
        return new GramMatrix(size, upper);
    }

    /// <summary>The Gram of all of W's rows, from <paramref name="shards"/> partial Grams computed in parallel and summed.</summary>
    public static GramMatrix Of(SparseRowMatrix matrix, int shards, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var parts = new GramMatrix[shards];
        Parallel.For(0, shards, new ParallelOptions { CancellationToken = cancellation }, shard =>
        {
            var first = (int)((long)matrix.Rows * shard / shards);
            parts[shard] = OfRows(matrix, first, (int)((long)matrix.Rows * (shard + 1) / shards) - first);
        });
        return Sum(parts);
    }

    /// <summary>The sum of partial Grams over the same columns.</summary>
    public static GramMatrix Sum(IReadOnlyList<GramMatrix> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("a Gram sum needs at least one part.", nameof(parts));
        var size = parts[0].Size;
        if (parts.Any(part => part.Size != size)) throw new ArgumentException("partial Grams must share their columns.", nameof(parts));
        var total = (double[])parts[0].Values.Clone();
        foreach (var part in parts.Skip(1))
            for (var i = 0; i < total.Length; i++) total[i] += part.Values[i];
        return new GramMatrix(size, total);
    }

    /// <summary>
    /// σ of W, descending: square roots of G's eigenvalues (float64 <c>eigvalsh</c>). Eigenvalues within G's rounding, below
    /// λ_max·Size·ε, are 0: what the Gram route cannot tell from 0 (σ under about √(Size·ε)·σ₁) it reports as 0, not as √noise.
    /// </summary>
    public double[] SingularValues()
    {
        if (Size == 0) return [];
        double[] eigenvalues;
        using (var scope = NewDisposeScope())
        {
            eigenvalues = linalg.eigvalsh(tensor(Values, [Size, Size], float64)).data<double>().ToArray();
        }

        return SingularFromEigenvalues(eigenvalues);
    }

    /// <summary>Eigenvalues of a Gram matrix (any order) → σ descending, with rounding-level eigenvalues set to 0.</summary>
    internal static double[] SingularFromEigenvalues(double[] eigenvalues)
    {
        var largest = eigenvalues.Length == 0 ? 0 : eigenvalues.Max();
        var roundoff = largest * eigenvalues.Length * MachineEpsilon;
        return eigenvalues.Select(l => l > roundoff ? Math.Sqrt(l) : 0.0).OrderDescending().ToArray();
    }

    private static void AddDenseRows(SparseRowMatrix matrix, List<int> rows, double[] upper)
    {
        if (rows.Count == 0) return;
        var size = matrix.Columns;
        using var scope = NewDisposeScope();
        var gram = zeros(size, size, float64);
        for (var chunkStart = 0; chunkStart < rows.Count; chunkStart += DenseChunkRows)
        {
            using var chunkScope = NewDisposeScope();
            var count = Math.Min(DenseChunkRows, rows.Count - chunkStart);
            var dense = new double[(long)count * size];
            for (var i = 0; i < count; i++)
            {
                var row = rows[chunkStart + i];
                for (var k = matrix.RowPointers[row]; k < matrix.RowPointers[row + 1]; k++)
                    dense[(long)i * size + matrix.ColumnIndices[k]] = matrix.Values[k];
            }

            var block = tensor(dense, [count, size], float64); // (rows, V_eff)
            gram.addmm_(block.t(), block);
        }

        var values = gram.data<double>().ToArray();
        for (var i = 0; i < size; i++)
            for (var j = i; j < size; j++) upper[(long)i * size + j] += values[(long)i * size + j];
    }
}
