using OrleansSweep.Compute.Ngrams;
using OrleansSweep.Compute.Tests.Probes;

namespace OrleansSweep.Compute.Tests.Ngrams;

/// <summary>Sparse matrices for the n-gram tests, and the reference products computed from their dense form.</summary>
internal static class SparseFixtures
{
    /// <summary>A random matrix whose rows hold from 1 entry to every column, so sparse and dense code paths both run.</summary>
    public static SparseRowMatrix Random(int rows, int columns, int seed)
    {
        var random = new System.Random(seed);
        var dense = new double[rows, columns];
        for (var row = 0; row < rows; row++)
        {
            var filled = 1 + random.Next(row % 5 == 0 ? columns : Math.Max(1, columns / 20));
            foreach (var column in Enumerable.Range(0, columns).OrderBy(_ => random.Next()).Take(filled))
                dense[row, column] = random.NextDouble() * 2 - 1;
        }

        return FromDense(dense);
    }

    /// <summary>The CSR form of a dense matrix, zeros left out.</summary>
    public static SparseRowMatrix FromDense(double[,] dense)
    {
        var (rows, columns) = (dense.GetLength(0), dense.GetLength(1));
        var pointers = new List<int> { 0 };
        var indices = new List<int>();
        var values = new List<double>();
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                if (dense[row, column] == 0) continue;
                indices.Add(column);
                values.Add(dense[row, column]);
            }

            pointers.Add(indices.Count);
        }

        return new SparseRowMatrix(rows, columns, [.. pointers], [.. indices], [.. values]);
    }

    /// <summary>The CSR form of a float64 tensor.</summary>
    public static SparseRowMatrix FromTensor(Tensor matrix)
    {
        var (rows, columns) = ((int)matrix.shape[0], (int)matrix.shape[1]);
        var data = matrix.contiguous().data<double>().ToArray();
        var dense = new double[rows, columns];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++) dense[i, j] = data[i * columns + j];
        return FromDense(dense);
    }

    /// <summary>WᵀW by the textbook triple loop over the dense matrix, row-major.</summary>
    public static double[] DenseGram(SparseRowMatrix matrix)
    {
        var dense = matrix.ToDense();
        var size = matrix.Columns;
        var gram = new double[size * size];
        for (var i = 0; i < size; i++)
            for (var j = 0; j < size; j++)
                for (var row = 0; row < matrix.Rows; row++) gram[i * size + j] += dense[row, i] * dense[row, j];
        return gram;
    }

    /// <summary>W = U·diag(σ)·Vᵀ with orthonormal U (rows × k) and V (columns × k): its non-zero singular values are exactly σ.</summary>
    public static SparseRowMatrix WithSingularValues(int rows, int columns, double[] singular, int seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var u = ProbeFixtures.Orthonormal(rows, singular.Length, generator);
        var v = ProbeFixtures.Orthonormal(columns, singular.Length, generator);
        return FromTensor(u.matmul(diag(tensor(singular, float64))).matmul(v.t()));
    }
}
