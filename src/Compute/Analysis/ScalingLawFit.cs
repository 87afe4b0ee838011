namespace OrleansSweep.Compute.Analysis;

/// <summary>
/// L(N) = E + A / N^α fitted by least squares on log L (SCIENCE.md §7). For a fixed E the model is linear in log space,
/// log(L − E) = log A − α log N, so E is searched (golden section on the log-space residual over 0 ≤ E &lt; min L) and A, α
/// come from ordinary least squares at each E.
/// </summary>
public sealed record ScalingLawFit(double E, double A, double Alpha, double ResidualSumOfSquares)
{
    /// <summary>The fitted loss at <paramref name="parameters"/> non-embedding parameters.</summary>
    public double Predict(double parameters) => E + A / Math.Pow(parameters, Alpha);

    /// <summary>(L − L_fit(N)) / L_fit(N): how far a run sits above (positive) or below the fit.</summary>
    public double RelativeGap(double parameters, double loss) => (loss - Predict(parameters)) / Predict(parameters);

    /// <summary>Fits (N, L) points; needs at least three distinct N with positive losses.</summary>
    public static ScalingLawFit Fit(IReadOnlyList<(double Parameters, double Loss)> points)
    {
        if (points.Select(p => p.Parameters).Distinct().Count() < 3)
            throw new ArgumentException("a scaling-law fit needs runs at three or more distinct sizes.");
        if (points.Any(p => p.Parameters <= 0 || p.Loss <= 0 || !double.IsFinite(p.Loss)))
            throw new ArgumentException("a scaling-law fit needs positive sizes and positive finite losses.");
        var ceiling = points.Min(p => p.Loss) * (1 - 1e-9);
        var (low, high) = (0.0, ceiling);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 200 && high - low > 1e-12 * ceiling; i++)
        {
            var left = high - ratio * (high - low);
            var right = low + ratio * (high - low);
            if (FitAt(points, left).ResidualSumOfSquares <= FitAt(points, right).ResidualSumOfSquares) high = right;
            else low = left;
        }
        var atZero = FitAt(points, 0);
        var best = FitAt(points, (low + high) / 2);
        return atZero.ResidualSumOfSquares < best.ResidualSumOfSquares ? atZero : best;
    }

    // Least squares of log L on the model with E fixed: log A and α from regressing log(L − E) on log N, then the residual
    // measured where the fit is defined, on log L.
    private static ScalingLawFit FitAt(IReadOnlyList<(double Parameters, double Loss)> points, double e)
    {
        var x = points.Select(p => Math.Log(p.Parameters)).ToArray();
        var y = points.Select(p => Math.Log(p.Loss - e)).ToArray();
        double meanX = x.Average(), meanY = y.Average();
        var covariance = x.Zip(y, (a, b) => (a - meanX) * (b - meanY)).Sum();
        var variance = x.Sum(a => (a - meanX) * (a - meanX));
        var slope = covariance / variance;
        var fit = new ScalingLawFit(e, Math.Exp(meanY - slope * meanX), -slope, 0);
        var residual = points.Sum(p => Math.Pow(Math.Log(p.Loss) - Math.Log(fit.Predict(p.Parameters)), 2));
        return fit with { ResidualSumOfSquares = residual };
    }
}
