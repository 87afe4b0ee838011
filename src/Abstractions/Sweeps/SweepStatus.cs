namespace OrleansSweep.Abstractions;

/// <summary>A sweep's progress: its runs counted by state, and one page of their summaries.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.SweepStatus")]
public sealed record SweepStatus
{
    [Id(0)] public required string SweepId { get; init; }
    [Id(1)] public required SweepSpec Spec { get; init; }
    /// <summary>The page of runs asked for (<see cref="StatusQuery"/>), in sweep order.</summary>
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

    /// <summary>Every run the sweep has created, by state.</summary>
    [Id(7)] public RunCounts Counts { get; init; } = new();

    /// <summary>The runs the sweep will have in all: its grid's points or its run_cap (fewer once cancelled).</summary>
    [Id(8)] public int Planned { get; init; }

    /// <summary>Changes whenever the sweep does; a client waits for the next value instead of reading again.</summary>
    [Id(9)] public long Version { get; init; }

    /// <summary>The page returned, its size, the state it is filtered on, and how many runs match that filter.</summary>
    [Id(10)] public int Page { get; init; } = 1;
    [Id(11)] public int PageSize { get; init; }
    [Id(12)] public RunState? StateFilter { get; init; }
    [Id(13)] public int Matching { get; init; }

    public int Count(RunState state) => Counts.Of(state);

    /// <summary>Whether every run is finished.</summary>
    public bool IsFinished => Counts.Finished >= Planned;
}
