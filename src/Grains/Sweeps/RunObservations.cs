namespace OrleansSweep.Grains.Sweeps;

/// <summary>What the coordinator gathers about one run for the aggregate: its summary, eval-loss series and probe series.</summary>
public sealed record RunObservations(
    RunSummary Summary,
    IReadOnlyList<(int Step, double Value)> EvalLoss,
    IReadOnlyDictionary<string, ProbeSeries> Probes)
{
    /// <summary>A run that has not started: its summary alone.</summary>
    public static RunObservations Unstarted(RunSummary summary) => new(summary, [], new Dictionary<string, ProbeSeries>());

    /// <summary>A run's summary with its eval-loss series and a series per probe kind.</summary>
    public static RunObservations Of(RunSummary summary, MetricSeries evalLoss, IEnumerable<ProbeSeries> probes) =>
        new(summary, evalLoss.Steps.Zip(evalLoss.Values).ToList(), probes.ToDictionary(p => p.Kind));

    /// <summary>One scalar of one probe kind, steps ascending; empty when that kind was not probed.</summary>
    public IReadOnlyList<(int Step, double Value)> Probe(string kind, string scalar) =>
        Probes.TryGetValue(kind, out var series) ? series.Scalar(scalar) : [];
}
