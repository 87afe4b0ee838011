namespace OrleansSweep.Abstractions;

/// <summary>
/// The runs of a sweep that share every listed value but the seed: one configuration, its seeds aggregated. Axes drawn from a
/// continuous distribution are not grouped over (each run would be its own group).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.GroupResult")]
public sealed record GroupResult
{
    /// <summary>The listed axes and their values in this group, in spec order.</summary>
    [Id(0)] public required IReadOnlyList<AxisValue> Axes { get; init; }
    [Id(1)] public required RunCounts Counts { get; init; }
    /// <summary>Over the group's runs with a value of the sweep's metric (their latest evaluation): best, mean and sample standard deviation.</summary>
    [Id(2)] public double? Best { get; init; }
    [Id(3)] public double? Mean { get; init; }
    [Id(4)] public double? StandardDeviation { get; init; }
    [Id(5)] public int Measured { get; init; }
    /// <summary>Runs whose final eval loss rose above their best by more than max(0.01, 2·stderr) (SCIENCE.md §6).</summary>
    [Id(6)] public int Saturated { get; init; }
    /// <summary>N of the scaling law for this configuration (non-embedding parameters), once a run reported it.</summary>
    [Id(7)] public long NonEmbeddingParameters { get; init; }
}
