namespace OrleansSweep.Abstractions;

/// <summary>A sweep's progress: counts by state and every run's summary.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.SweepStatus")]
public sealed record SweepStatus
{
    [Id(0)] public required string SweepId { get; init; }
    [Id(1)] public required SweepSpec Spec { get; init; }
    [Id(2)] public required IReadOnlyList<RunSummary> Runs { get; init; }
    /// <summary>The corpus's exact optimal loss (nats/token) when it is known.</summary>
    [Id(3)] public double? OptimalLoss { get; init; }
    [Id(4)] public string CorpusDescription { get; init; } = "";
    [Id(5)] public SweepPhase Phase { get; init; }
    /// <summary>
    /// Runs training at once: <see cref="Spec"/>'s max_concurrent, which `max-concurrent` (or a launch of the spec with another
    /// max_concurrent) changes; repeated here for --json readers.
    /// </summary>
    [Id(6)] public int MaxConcurrent { get; init; }

    public int Count(RunState state) => Runs.Count(r => r.State == state);

    /// <summary>Whether every run is finished.</summary>
    public bool IsFinished => Runs.All(r => r.IsFinished);
}
