namespace OrleansSweep.Grains.Search;

/// <summary>
/// A density over one parameter built from observed points, as Optuna's univariate TPE builds it: one Gaussian kernel per
/// point plus one prior kernel, truncated to the bounds (and integrated over a grid cell for grid kinds); for categorical
/// parameters, smoothed counts mixed with the prior.
/// </summary>
internal sealed class ParzenEstimator
{
    // Optuna's magic clip: a kernel is no narrower than the width over min(100, 1 + kernels).
    private const double MagicClipKernels = 100;

    private readonly double[] mus = [], sigmas = [];
    private readonly double low, high, step;
    private readonly double[]? probabilities;

    private ParzenEstimator(double[] probabilities) => this.probabilities = probabilities;

    private ParzenEstimator(double[] mus, double[] sigmas, double low, double high, double step) =>
        (this.mus, this.sigmas, this.low, this.high, this.step) = (mus, sigmas, low, high, step);

    /// <summary>
    /// Kernels at the points and at the prior's centre, each as wide as the larger gap to its neighbours (Optuna's rule with
    /// consider_endpoints off), clipped between width/min(100, 1 + kernels) and width (Optuna's magic clip).
    /// </summary>
    public static ParzenEstimator Numeric(double[] points, double low, double high, double step, double priorMu, double width)
    {
        // Sorted, so the estimate (down to the last bit of its sums) does not depend on the order the runs finished in.
        var mus = points.Append(priorMu).Order().ToArray();
        var minSigma = width / Math.Min(MagicClipKernels, 1 + mus.Length);
        var sigmas = new double[mus.Length];
        for (var i = 0; i < mus.Length; i++)
        {
            var left = i > 0 ? mus[i] - mus[i - 1] : 0;
            var right = i < mus.Length - 1 ? mus[i + 1] - mus[i] : 0;
            sigmas[i] = Math.Clamp(Math.Max(left, right), minSigma, width);
        }
        // The prior kernel is as wide as the whole range, whatever its neighbours.
        sigmas[Array.IndexOf(mus, priorMu)] = width;
        return new(mus, sigmas, low - step / 2, high + step / 2, step);
    }

    /// <summary>
    /// Optuna's categorical kernels: each observation's is its one-hot count plus 1/kernels on every category (the prior
    /// weighs as much as one observation), normalised; the prior's kernel is the prior (uniform, or the spec's probabilities).
    /// Kernels weigh the same, so the mixture collapses to one probability per category.
    /// </summary>
    public static ParzenEstimator Categorical(int[] points, double[] prior)
    {
        var kernels = points.Length + 1;
        var smoothing = 1.0 / kernels;
        var rowSum = 1 + smoothing * prior.Length;
        var mixture = prior.Select(p => (p + points.Length * smoothing / rowSum) / kernels).ToArray();
        foreach (var c in points) mixture[c] += 1 / rowSum / kernels;
        return new(mixture);
    }

    public double Sample(Random rng)
    {
        if (probabilities is not null) return Pick(rng, probabilities);
        // Every kernel weighs the same (Optuna's weights are flat below 25 points; flat throughout here keeps the history's order irrelevant).
        var k = rng.Next(mus.Length);
        double x;
        // The kernel's centre lies inside the bounds and it is at most as wide as them, so at least a third of its mass is inside.
        do x = mus[k] + sigmas[k] * StandardNormal(rng); while (x < low || x > high);
        return step > 0 ? Math.Clamp(low + step / 2 + Math.Round((x - low - step / 2) / step) * step, low + step / 2, high - step / 2) : x;
    }

    public double LogDensity(double x)
    {
        if (probabilities is not null) return Math.Log(probabilities[(int)x]);
        var terms = new double[mus.Length];
        for (var k = 0; k < mus.Length; k++)
        {
            double Z(double at) => (at - mus[k]) / sigmas[k];
            var inside = LogGaussMass(Z(low), Z(high));
            terms[k] = (step > 0
                ? LogGaussMass(Z(x - step / 2), Z(x + step / 2))
                : -0.5 * Z(x) * Z(x) - Math.Log(sigmas[k]) - 0.5 * Math.Log(2 * Math.PI)) - inside;
        }
        var max = terms.Max();
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max))) - Math.Log(mus.Length);
    }

    public static double StandardNormal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static int Pick(Random rng, double[] probabilities)
    {
        var u = rng.NextDouble() * probabilities.Sum();
        for (var i = 0; i < probabilities.Length - 1; i++)
            if ((u -= probabilities[i]) < 0) return i;
        return probabilities.Length - 1;
    }

    // log(Φ(b) − Φ(a)) for a ≤ b, computed on the side of the tail (as Optuna does), so a cell far from a narrow kernel
    // still gets a finite log mass instead of log(0): the ratio l/g is taken between such tails.
    private static double LogGaussMass(double a, double b) =>
        b <= 0 ? LogDiff(LogNdtr(b), LogNdtr(a))
        : a > 0 ? LogDiff(LogNdtr(-a), LogNdtr(-b))
        : Math.Log(1 - Ndtr(a) - Ndtr(-b));

    private static double LogDiff(double logX, double logY) => logX + Math.Log(-double.ExpM1(logY - logX));

    private static double Ndtr(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    // Beyond z = −20, Φ underflows the erfc below; the asymptotic series is exact to 1e-9 there.
    private static double LogNdtr(double z) => z > -20
        ? Math.Log(Ndtr(z))
        : -0.5 * z * z - Math.Log(-z) - 0.5 * Math.Log(2 * Math.PI) + Math.Log(1 - 1 / (z * z) + 3 / (z * z * z * z));

    // Numerical Recipes' erfc (Chebyshev fit): relative error below 1.2e-7 everywhere, which a ratio of densities tolerates.
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851638 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
