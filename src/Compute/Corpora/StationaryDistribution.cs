namespace OrleansSweep.Compute.Corpora;

/// <summary>The stationary distribution π = π·T of a row-stochastic matrix.</summary>
internal static class StationaryDistribution
{
    /// <summary>Solves π(T − I) = 0 with Σπ = 1 for the row-major <paramref name="size"/>×<paramref name="size"/> matrix T.</summary>
    /// <remarks>
    /// A direct solve rather than power iteration: with a large β the chain mixes slowly and power iteration would need
    /// an unknown number of steps, while the solve costs a fixed O(size³), trivial for the ranks studied here.
    /// </remarks>
    public static double[] Of(double[] transition, int size)
    {
        // Unknowns π_j; equation i (i < size − 1) is Σ_j π_j (T[j, i] − δ_ij) = 0, the last one Σ_j π_j = 1.
        // The dropped balance equation is implied by the others, since every row of T − I sums to 0.
        var system = new double[size, size + 1];
        for (var i = 0; i < size - 1; i++)
        {
            for (var j = 0; j < size; j++)
            {
                system[i, j] = transition[j * size + i] - (i == j ? 1.0 : 0.0);
            }
        }

        for (var j = 0; j <= size; j++)
        {
            system[size - 1, j] = 1.0;
        }

        var pi = SolveInPlace(system, size);
        var sum = 0.0;
        for (var i = 0; i < size; i++)
        {
            // Rounding can leave a state with no mass a tiny negative probability.
            pi[i] = Math.Max(pi[i], 0.0);
            sum += pi[i];
        }

        for (var i = 0; i < size; i++)
        {
            pi[i] /= sum;
        }

        return pi;
    }

    // Gaussian elimination with partial pivoting on the augmented matrix [A | b].
    private static double[] SolveInPlace(double[,] system, int size)
    {
        for (var column = 0; column < size; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < size; row++)
            {
                if (Math.Abs(system[row, column]) > Math.Abs(system[pivot, column]))
                {
                    pivot = row;
                }
            }

            if (pivot != column)
            {
                for (var j = column; j <= size; j++)
                {
                    (system[column, j], system[pivot, j]) = (system[pivot, j], system[column, j]);
                }
            }

            for (var row = column + 1; row < size; row++)
            {
                var factor = system[row, column] / system[column, column];
                if (factor == 0.0)
                {
                    continue;
                }

                for (var j = column; j <= size; j++)
                {
                    system[row, j] -= factor * system[column, j];
                }
            }
        }

        var solution = new double[size];
        for (var row = size - 1; row >= 0; row--)
        {
            var value = system[row, size];
            for (var j = row + 1; j < size; j++)
            {
                value -= system[row, j] * solution[j];
            }

            solution[row] = value / system[row, row];
        }

        return solution;
    }
}
