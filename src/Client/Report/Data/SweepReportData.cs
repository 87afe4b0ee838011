namespace OrleansSweep.Client.Report.Data;

/// <summary>
/// Everything a sweep report draws, as plain numbers: the caller fills it from the cluster's analysis (or from JSON), the report
/// only draws and tabulates it. Absent parts (no fit, no n-gram estimate, empty series) leave their figures out.
/// </summary>
public sealed record SweepReportData
{
    /// <summary>The sweep id (its spec's name).</summary>
    public required string SweepId { get; init; }

    /// <summary>A one-line description of the corpus, e.g. "low-rank Markov, V=1024, R=128".</summary>
    public required string Corpus { get; init; }

    /// <summary>The corpus's optimal loss in nats per token, when known (SCIENCE.md §10–12).</summary>
    public double? OptimalLoss { get; init; }

    /// <summary>The n-gram rank estimate of the corpus (SCIENCE.md §9), when computed.</summary>
    public NgramReportData? Ngram { get; init; }

    /// <summary>The scaling-law fit across the sweep's sizes (SCIENCE.md §7), when fitted.</summary>
    public ScalingFitReportData? Fit { get; init; }

    /// <summary>The sweep's runs, in the order the report lists them.</summary>
    public RunReportData[] Runs { get; init; } = [];
}
