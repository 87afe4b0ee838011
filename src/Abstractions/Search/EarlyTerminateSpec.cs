namespace OrleansSweep.Abstractions;

/// <summary>
/// Asynchronous successive halving (W&amp;B's <c>early_terminate: {type: hyperband}</c>): at each rung
/// <c>min_iter · eta^k</c> training steps a run goes on only if its metric is among the best 1/eta of the runs that reached
/// that rung so far; a run of bracket b (of <c>s</c> brackets) has its first rung at <c>min_iter · eta^b</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.EarlyTerminateSpec")]
public sealed record EarlyTerminateSpec
{
    /// <summary>hyperband, the one type.</summary>
    [Id(0)] public string Type { get; init; } = "hyperband";

    /// <summary>The first rung, in training steps; every rung must fall on an eval step.</summary>
    [Id(1)] public int MinIter { get; init; }

    /// <summary>The halving rate: a run goes on from a rung when among the best 1/eta there.</summary>
    [Id(2)] public int Eta { get; init; } = 3;

    /// <summary>Hyperband brackets; run i is in bracket i mod s. 1: plain ASHA.</summary>
    [Id(3)] public int S { get; init; } = 1;
}
