namespace OrleansSweep.Abstractions;

/// <summary>What one run recorded, as a report draws it: its eval loss with standard errors, and its series of every probe kind.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.RunSeries")]
public sealed record RunSeries
{
    [Id(0)] public required string RunId { get; init; }
    [Id(1)] public required MetricSeries EvalLoss { get; init; }
    [Id(2)] public required MetricSeries EvalStandardError { get; init; }
    /// <summary>One series per kind of <see cref="ProbeKinds.All"/>, probed or not (a kind not probed is empty).</summary>
    [Id(3)] public IReadOnlyList<ProbeSeries> Probes { get; init; } = [];

    /// <summary>The series of <paramref name="kind"/>; empty when it was not read.</summary>
    public ProbeSeries Probe(string kind) => Probes.FirstOrDefault(p => p.Kind == kind) ?? new ProbeSeries { RunId = RunId, Kind = kind };
}
