namespace OrleansSweep.Abstractions;

/// <summary>
/// One run of a sweep as its shard stores it: where it sits in the search space and, once it started, its latest summary. A
/// pending run is its point alone (its spec is derived from the sweep's spec when needed), so a million of them stay small.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.RunRow")]
public sealed record RunRow
{
    [Id(0)] public int Index { get; init; }
    /// <summary>The run's value on each axis, in spec order.</summary>
    [Id(1)] public IReadOnlyList<double> Point { get; init; } = [];
    [Id(2)] public RunState State { get; init; }
    /// <summary>The latest summary its run grain gave; null while pending, or cancelled before it started.</summary>
    [Id(3)] public RunSummary? Summary { get; init; }
    /// <summary>The run's metric at each rung early termination has judged it on, in rung order.</summary>
    [Id(4)] public IReadOnlyList<double> RungMetrics { get; init; } = [];
}
