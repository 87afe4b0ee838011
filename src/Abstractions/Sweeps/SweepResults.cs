namespace OrleansSweep.Abstractions;

/// <summary>The aggregate of a sweep: its groups, its best runs by the metric, and its scaling-law fits.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.SweepResults")]
public sealed record SweepResults
{
    [Id(0)] public required string SweepId { get; init; }
    [Id(1)] public string CorpusDescription { get; init; } = "";
    [Id(2)] public double? OptimalLoss { get; init; }
    [Id(3)] public bool IsFinished { get; init; }
    /// <summary>The best runs by the sweep's metric (<see cref="ResultsQuery.Top"/> of them), best first.</summary>
    [Id(4)] public required IReadOnlyList<RunResult> Runs { get; init; }
    /// <summary>One fit L(N) = E + A/N^α per group of runs that differ only in size (SCIENCE.md §7).</summary>
    [Id(5)] public IReadOnlyList<ScalingLawResult> ScalingLaws { get; init; } = [];
    /// <summary>Probe measurements still queued across the sweep; results are final when this is 0 and every run finished.</summary>
    [Id(6)] public int ProbesPending { get; init; }

    /// <summary>The n-gram rank estimate of the sweep's corpus (analysis.ngram_order); null when not asked for or still computed.</summary>
    [Id(7)] public NgramRankEstimate? Ngram { get; init; }

    /// <summary>True while the n-gram rank estimate the spec asks for is being computed.</summary>
    [Id(8)] public bool NgramPending { get; init; }

    /// <summary>Every run the sweep has created, by state.</summary>
    [Id(9)] public RunCounts Counts { get; init; } = new();

    /// <summary>One page of the groups (runs alike but for their seed), in sweep order; <see cref="GroupCount"/> in all.</summary>
    [Id(10)] public IReadOnlyList<GroupResult> Groups { get; init; } = [];
    [Id(11)] public int GroupCount { get; init; }

    /// <summary>The metric the rows are ranked by, and whether lower is better.</summary>
    [Id(12)] public MetricSpec Metric { get; init; } = new();

    /// <summary>As <see cref="SweepStatus.Version"/>: changes whenever the sweep does.</summary>
    [Id(13)] public long Version { get; init; }
}
