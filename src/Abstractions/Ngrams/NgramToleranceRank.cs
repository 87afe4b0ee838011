namespace OrleansSweep.Abstractions;

/// <summary>The smallest r with W-error(r) ≤ τ; null when the computed singular values do not reach τ.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.NgramToleranceRank")]
public sealed record NgramToleranceRank([property: Id(0)] double Tolerance, [property: Id(1)] int? Rank);
