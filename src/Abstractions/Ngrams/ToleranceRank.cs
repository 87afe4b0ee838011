namespace OrleansSweep.Abstractions;

/// <summary>
/// The smallest rank r whose best approximation has W-error(r) ≤ <paramref name="Tolerance"/> (τ, SCIENCE.md §3, §9); null when
/// the computed singular values do not reach τ. Compute reports it as a named tuple; this is its form on the wire and in JSON.
/// </summary>
// The alias is the record's first name, so estimates stored before the rename still read.
[GenerateSerializer, Immutable, Alias("OrleansSweep.NgramToleranceRank")]
public sealed record ToleranceRank([property: Id(0)] double Tolerance, [property: Id(1)] int? Rank);
