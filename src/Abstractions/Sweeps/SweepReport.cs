namespace OrleansSweep.Abstractions;

/// <summary>What `report` draws, in one call: the results, and per run the series they were computed from, read once.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.SweepReport")]
public sealed record SweepReport
{
    [Id(0)] public required SweepResults Results { get; init; }
    /// <summary>One per run, in the order of <see cref="SweepResults.Runs"/>.</summary>
    [Id(1)] public required IReadOnlyList<RunSeries> Runs { get; init; }
}
