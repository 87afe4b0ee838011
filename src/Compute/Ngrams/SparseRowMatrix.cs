using System.Numerics;

namespace OrleansSweep.Compute.Ngrams;

/// <summary>
/// An immutable sparse matrix in compressed-row form (CSR): row i holds <c>ColumnIndices[RowPointers[i]..RowPointers[i+1]]</c>
/// with the same range of <see cref="Values"/>, columns ascending within a row.
/// </summary>
public sealed class SparseRowMatrix
{
    /// <summary>Wraps CSR arrays; throws when they do not describe a <paramref name="rows"/>×<paramref name="columns"/> matrix.</summary>
    public SparseRowMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (rowPointers.Length != rows + 1 || rowPointers[0] != 0 || rowPointers[rows] != columnIndices.Length
            || columnIndices.Length != values.Length)
            throw new ArgumentException("CSR arrays disagree: rowPointers needs rows + 1 entries from 0 to the non-zero count.");
        for (var row = 0; row < rows; row++)
        {
            for (var k = rowPointers[row]; k < rowPointers[row + 1]; k++)
            {
                var column = columnIndices[k];
                if (column < 0 || column >= columns || (k > rowPointers[row] && column <= columnIndices[k - 1]))
                    throw new ArgumentException($"row {row} has a column index out of range or out of ascending order.");
            }
        }

        Rows = rows;
        Columns = columns;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Start of each row in <see cref="ColumnIndices"/>, plus the non-zero count at the end (Rows + 1 entries).</summary>
    public int[] RowPointers { get; }

    /// <summary>Column of each stored value.</summary>
    public int[] ColumnIndices { get; }

    /// <summary>The stored values.</summary>
    public double[] Values { get; }

    /// <summary>Number of stored values.</summary>
    public long NonZeros => Values.Length;

    /// <summary>‖M‖_F², summed in row order.</summary>
    public double FrobeniusSquared()
    {
        var sum = 0.0;
        foreach (var value in Values) sum += value * value;
        return sum;
    }

    /// <summary>diag(rowScale)·M·diag(columnScale), sharing this matrix's sparsity pattern.</summary>
    public SparseRowMatrix Scaled(double[] rowScale, double[] columnScale)
    {
        if (rowScale.Length != Rows || columnScale.Length != Columns) throw new ArgumentException("one scale per row and per column.");
        var values = new double[Values.Length];
        for (var row = 0; row < Rows; row++)
            for (var k = RowPointers[row]; k < RowPointers[row + 1]; k++) values[k] = rowScale[row] * Values[k] * columnScale[ColumnIndices[k]];
        return new SparseRowMatrix(Rows, Columns, RowPointers, ColumnIndices, values);
    }

    /// <summary>The dense matrix, row-major; for tests and small matrices only.</summary>
    public double[,] ToDense()
    {
        var dense = new double[Rows, Columns];
        for (var row = 0; row < Rows; row++)
            for (var k = RowPointers[row]; k < RowPointers[row + 1]; k++) dense[row, ColumnIndices[k]] = Values[k];
        return dense;
    }

    /// <summary>
    /// Y = MᵀM·X for a row-major Columns×width block X, streamed over the rows so that the Rows×width product M·X is never
    /// stored (rows can outnumber columns by far at higher n-gram orders). Row ranges run in parallel, each into its own Y.
    /// </summary>
    public double[] GramTimes(double[] block, int width, CancellationToken cancellation = default)
    {
        if (block.Length != (long)Columns * width) throw new ArgumentException("the block must be Columns × width, row-major.");
        var shards = Math.Max(1, Math.Min(Environment.ProcessorCount, Rows / 64));
        var partial = new double[shards][];
        Parallel.For(0, shards, new ParallelOptions { CancellationToken = cancellation }, shard =>
        {
            var y = new double[block.Length];
            var row = new double[width];
            for (var r = (int)((long)Rows * shard / shards); r < (int)((long)Rows * (shard + 1) / shards); r++)
            {
                var (start, end) = (RowPointers[r], RowPointers[r + 1]);
                if (start == end) continue;
                Array.Clear(row);
                for (var k = start; k < end; k++) Axpy(Values[k], block.AsSpan(ColumnIndices[k] * width, width), row);
                for (var k = start; k < end; k++) Axpy(Values[k], row, y.AsSpan(ColumnIndices[k] * width, width));
            }

            partial[shard] = y;
        });
        for (var shard = 1; shard < shards; shard++) Axpy(1.0, partial[shard], partial[0]);
        return partial[0];
    }

    // y += a·x, vectorised: the inner loop of every sparse-times-block product.
    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var scale = new Vector<double>(a);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
                (new Vector<double>(y[i..]) + scale * new Vector<double>(x[i..])).CopyTo(y[i..]);
        }

        for (; i < x.Length; i++) y[i] += a * x[i];
    }
}
