namespace OrleansSweep.Abstractions;

/// <summary>The aggregate of a sweep: one row per run, ordered by the grid.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.SweepResults")]
public sealed record SweepResults
{
    [Id(0)] public required string SweepId { get; init; }
    [Id(1)] public string CorpusDescription { get; init; } = "";
    [Id(2)] public double? OptimalLoss { get; init; }
    [Id(3)] public bool IsFinished { get; init; }
    [Id(4)] public required IReadOnlyList<RunResult> Runs { get; init; }
}
