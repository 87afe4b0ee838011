namespace OrleansSweep.Abstractions;

/// <summary>How the coordinator analyses a sweep as a whole (SCIENCE.md §7, §9).</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.AnalysisSpec")]
public sealed record AnalysisSpec
{
    /// <summary>Order n of the n-gram rank estimate of the corpus; 0 skips it.</summary>
    [Id(0)] public int NgramOrder { get; init; } = 2;

    /// <summary>Contexts seen fewer times are left out of the n-gram matrix.</summary>
    [Id(1)] public int NgramMinCount { get; init; } = 2;

    /// <summary>The d_model values whose runs the scaling law is fitted on; empty: the larger half of the sizes (at least 3).</summary>
    [Id(2)] public IReadOnlyList<int> FitDModels { get; init; } = [];
}
