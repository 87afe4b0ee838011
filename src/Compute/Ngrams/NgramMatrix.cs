namespace OrleansSweep.Compute.Ngrams;

/// <summary>
/// The n-gram matrix of SCIENCE §9: one row per kept context, one column per token that occurs as a next token in a kept row;
/// row c is the next-token distribution of context c. Built by <see cref="NgramCounter"/> from a stream, or from exact weights.
/// </summary>
/// <param name="Probabilities">W, C×V_eff: W[c, j] = count(c, ColumnTokens[j]) / count(c).</param>
/// <param name="HalfDifference">
/// The split-half noise probe D of <see cref="NoiseFloor"/> (same shape as W), or null when W is an exact distribution.
/// </param>
/// <param name="RowCounts">count(c) of each row, or null when W is an exact distribution.</param>
/// <param name="ColumnTokens">The token id of each column, ascending.</param>
public sealed record NgramMatrix(SparseRowMatrix Probabilities, SparseRowMatrix? HalfDifference, double[]? RowCounts, int[] ColumnTokens)
{
    /// <summary>C, the number of kept contexts.</summary>
    public int Contexts => Probabilities.Rows;

    /// <summary>V_eff, the number of tokens that occur as next tokens in kept rows.</summary>
    public int EffectiveVocabulary => Probabilities.Columns;

    /// <summary>
    /// The matrix of an exact distribution (or weighted counts): each row of <paramref name="weights"/> with a positive sum becomes
    /// that row normalised; columns that are zero in every row are left out. It has no sampling noise, so no noise probe.
    /// </summary>
    public static NgramMatrix FromWeights(double[,] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var (rows, columns) = (weights.GetLength(0), weights.GetLength(1));
        var columnTokens = new List<int>();
        var columnOf = new int[columns];
        for (var token = 0; token < columns; token++)
        {
            columnOf[token] = -1;
            for (var row = 0; row < rows; row++)
            {
                var weight = weights[row, token];
                if (!(weight >= 0 && double.IsFinite(weight)))
                    throw new ArgumentException($"weights[{row}, {token}] is {weight}; weights must be finite and non-negative.");
                if (weight > 0 && columnOf[token] < 0) columnOf[token] = columnTokens.Count;
            }

            if (columnOf[token] >= 0) columnTokens.Add(token);
        }

        var pointers = new List<int> { 0 };
        var indices = new List<int>();
        var values = new List<double>();
        for (var row = 0; row < rows; row++)
        {
            var total = 0.0;
            for (var token = 0; token < columns; token++) total += weights[row, token];
            if (total <= 0) continue;
            for (var token = 0; token < columns; token++)
            {
                if (weights[row, token] <= 0) continue;
                indices.Add(columnOf[token]);
                values.Add(weights[row, token] / total);
            }

            pointers.Add(indices.Count);
        }

        var matrix = new SparseRowMatrix(pointers.Count - 1, columnTokens.Count, [.. pointers], [.. indices], [.. values]);
        return new NgramMatrix(matrix, HalfDifference: null, RowCounts: null, [.. columnTokens]);
    }
}
