namespace OrleansSweep.Compute.Corpora;

/// <summary>Continuous draws from a seeded <see cref="System.Random"/>, so that languages built from them are reproducible.</summary>
internal static class RandomVariates
{
    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double StandardNormal(System.Random random)
    {
        // 1 − U lies in (0, 1], so the logarithm is finite.
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
        return radius * Math.Cos(2.0 * Math.PI * random.NextDouble());
    }

    /// <summary>The logarithm of a Gamma(shape, 1) draw (Marsaglia–Tsang).</summary>
    /// <remarks>
    /// Returned as a logarithm because for small shapes the draw itself underflows to 0, which would leave a Dirichlet
    /// group with nothing to normalise.
    /// </remarks>
    public static double LogGamma(System.Random random, double shape)
    {
        if (shape < 1.0)
        {
            // Marsaglia–Tsang needs shape ≥ 1; Gamma(k) = Gamma(k + 1) · U^(1/k).
            return LogGamma(random, shape + 1.0) + Math.Log(1.0 - random.NextDouble()) / shape;
        }

        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            var x = StandardNormal(random);
            var v = 1.0 + c * x;
            if (v <= 0.0)
            {
                continue;
            }

            v = v * v * v;
            var u = 1.0 - random.NextDouble();
            var squared = x * x;
            if (u < 1.0 - 0.0331 * squared * squared || Math.Log(u) < 0.5 * squared + d * (1.0 - v + Math.Log(v)))
            {
                return Math.Log(d * v);
            }
        }
    }

    /// <summary>A Dirichlet draw with the same concentration on each of <paramref name="count"/> categories.</summary>
    public static double[] SymmetricDirichlet(System.Random random, double concentration, int count)
    {
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            weights[i] = LogGamma(random, concentration);
        }

        // Normalising in log space keeps the largest weight at 1, so the sum never underflows.
        var largest = weights.Max();
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            weights[i] = Math.Exp(weights[i] - largest);
            sum += weights[i];
        }

        for (var i = 0; i < count; i++)
        {
            weights[i] /= sum;
        }

        return weights;
    }
}
