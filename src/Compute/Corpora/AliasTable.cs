namespace OrleansSweep.Compute.Corpora;

/// <summary>Walker's alias method (Vose's construction): a draw from a fixed discrete distribution in O(1).</summary>
internal sealed class AliasTable
{
    // Column i keeps itself with probability _keep[i], otherwise yields _alias[i].
    private readonly double[] _keep;
    private readonly int[] _alias;

    private AliasTable(double[] keep, int[] alias)
    {
        _keep = keep;
        _alias = alias;
    }

    /// <summary>Number of outcomes.</summary>
    public int Count => _keep.Length;

    /// <summary>Builds the table for <paramref name="probabilities"/>, which need not be normalised.</summary>
    public static AliasTable Build(ReadOnlySpan<double> probabilities)
    {
        var count = probabilities.Length;
        var total = 0.0;
        foreach (var p in probabilities)
        {
            total += p;
        }

        var keep = new double[count];
        var alias = new int[count];
        var small = new int[count];
        var large = new int[count];
        int smallCount = 0, largeCount = 0;
        for (var i = 0; i < count; i++)
        {
            keep[i] = probabilities[i] * count / total;
            alias[i] = i;
            if (keep[i] < 1.0)
            {
                small[smallCount++] = i;
            }
            else
            {
                large[largeCount++] = i;
            }
        }

        while (smallCount > 0 && largeCount > 0)
        {
            var poor = small[--smallCount];
            var rich = large[--largeCount];
            alias[poor] = rich;
            keep[rich] -= 1.0 - keep[poor];
            if (keep[rich] < 1.0)
            {
                small[smallCount++] = rich;
            }
            else
            {
                large[largeCount++] = rich;
            }
        }

        // What is left differs from 1 only by rounding.
        while (largeCount > 0)
        {
            keep[large[--largeCount]] = 1.0;
        }

        while (smallCount > 0)
        {
            keep[small[--smallCount]] = 1.0;
        }

        return new AliasTable(keep, alias);
    }

    /// <summary>Draws an outcome from one uniform number in [0, 1): its integer part picks the column, its fraction the side.</summary>
    public int Draw(double uniform)
    {
        var scaled = uniform * _keep.Length;
        var column = Math.Min((int)scaled, _keep.Length - 1);
        return scaled - column < _keep[column] ? column : _alias[column];
    }
}
