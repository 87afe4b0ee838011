namespace OrleansSweep.Grains.Search;

/// <summary>
/// One parameter as TPE sees it: a coordinate where a Gaussian kernel makes sense (the log for the log kinds, the grid index
/// for the integer and q kinds, the category index for categorical), its prior there, and the way back to the parameter's units.
/// </summary>
internal sealed class TpeDimension
{
    private readonly ParameterSpec spec;
    private readonly Func<double, double> toInternal;
    private readonly Func<double, double> toValue;

    /// <summary>Bounds in the internal space (infinite for normal kinds), the grid step (0 when continuous), the prior's centre and width.</summary>
    private readonly double low, high, step, priorMu, width;

    /// <summary>The prior over categories; null for numeric kinds.</summary>
    private readonly double[]? categories;

    private TpeDimension(ParameterSpec spec, Func<double, double> toInternal, Func<double, double> toValue,
        double low = 0, double high = 0, double step = 0, double? priorMu = null, double? width = null, double[]? categories = null)
    {
        (this.spec, this.toInternal, this.toValue, this.low, this.high, this.step, this.categories) =
            (spec, toInternal, toValue, low, high, step, categories);
        this.priorMu = priorMu ?? 0.5 * (low + high);
        this.width = width ?? high - low + step;
    }

    public bool IsConstant => spec.Distribution == "constant";

    public static TpeDimension From(ParameterSpec p)
    {
        double Need(double? v, string key) => v ?? throw new ArgumentException($"parameters.{p.Name}: {p.Distribution} needs {key}.");
        double Id(double x) => x;
        switch (p.Distribution)
        {
            case "constant":
                var value = Need(p.Value, "value");
                return new(p, Id, _ => value);
            case "categorical":
                if (p.Values.Count == 0) throw new ArgumentException($"parameters.{p.Name}: categorical needs values.");
                var prior = p.Probabilities.Count == p.Values.Count ? p.Probabilities.ToArray() : [.. p.Values.Select(_ => 1.0 / p.Values.Count)];
                // A value not among the categories (a spec edited mid-sweep) counts as the nearest one.
                return new(p, v => Enumerable.Range(0, p.Values.Count).MinBy(i => Math.Abs(p.Values[i] - v)), i => p.Values[(int)i], categories: prior);
            case "uniform":
                return new(p, Id, Id, Need(p.Min, "min"), Need(p.Max, "max"));
            case "int_uniform":
            case "q_uniform":
                // The grid k·q (q = 1 for int_uniform) inside [min, max]: TPE works on k, so integer q kinds stay integers.
                var q = p.Distribution == "int_uniform" ? 1 : Need(p.Q, "q");
                return new(p, v => Math.Round(v / q), k => Math.Round(k) * q,
                    Math.Ceiling(Need(p.Min, "min") / q - 1e-9), Math.Floor(Need(p.Max, "max") / q + 1e-9), step: 1);
            case "log_uniform_values":
                var (min, max) = (Need(p.Min, "min"), Need(p.Max, "max"));
                return new(p, Math.Log, x => Math.Clamp(Math.Exp(x), min, max), Math.Log(min), Math.Log(max));
            case "q_log_uniform_values":
                // Searched continuously in the log, then rounded to the step as W&B does; the clamp keeps the rounding inside the bounds.
                var lq = Need(p.Q, "q");
                var (qMin, qMax) = (Need(p.Min, "min"), Need(p.Max, "max"));
                var (lowest, highest) = (Math.Ceiling(qMin / lq - 1e-9) * lq, Math.Floor(qMax / lq + 1e-9) * lq);
                return new(p, Math.Log, x => Math.Clamp(Math.Round(Math.Exp(x) / lq) * lq, lowest, highest), Math.Log(qMin), Math.Log(qMax));
            case "normal":
                return new(p, Id, Id, double.NegativeInfinity, double.PositiveInfinity, priorMu: Need(p.Mu, "mu"), width: Need(p.Sigma, "sigma"));
            case "log_normal":
                return new(p, Math.Log, Math.Exp, double.NegativeInfinity, double.PositiveInfinity, priorMu: Need(p.Mu, "mu"), width: Need(p.Sigma, "sigma"));
            default:
                throw new ArgumentException($"parameters.{p.Name}: distribution '{p.Distribution}' is not one of {string.Join(", ", ParameterSpec.Distributions)}.");
        }
    }

    public double ToInternal(double value) => toInternal(value);

    public double ToValue(double coordinate) => toValue(coordinate);

    /// <summary>A draw from the prior, in the internal space: what random search would propose.</summary>
    public double SamplePrior(Random rng)
    {
        if (categories is not null) return ParzenEstimator.Categorical([], categories).Sample(rng);
        if (double.IsInfinity(low)) return priorMu + width * ParzenEstimator.StandardNormal(rng);
        return step > 0 ? low + Math.Min(Math.Floor(rng.NextDouble() * (high - low + 1)), high - low) : low + rng.NextDouble() * (high - low);
    }

    /// <summary>The Parzen estimator of the given points (internal coordinates).</summary>
    public ParzenEstimator Estimator(IReadOnlyList<double> points) => categories is not null
        ? ParzenEstimator.Categorical([.. points.Select(p => (int)p)], categories)
        : ParzenEstimator.Numeric([.. points.Select(p => Math.Clamp(p, low, high))], low, high, step, priorMu, width);
}
