namespace OrleansSweep.Abstractions;

/// <summary>L(N) = E + A/N^α fitted on some runs of a group that differ only in size (N: non-embedding parameters).</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.ScalingLawResult")]
public sealed record ScalingLawResult
{
    [Id(0)] public double E { get; init; }
    [Id(1)] public double A { get; init; }
    [Id(2)] public double Alpha { get; init; }
    /// <summary>The runs whose final losses were fitted.</summary>
    [Id(3)] public IReadOnlyList<string> FittedRunIds { get; init; } = [];
    /// <summary>Every run of the group; each gets its gap to this fit.</summary>
    [Id(4)] public IReadOnlyList<string> RunIds { get; init; } = [];
}
