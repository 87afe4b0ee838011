namespace OrleansSweep.Compute.External;

/// <summary>The smallest rank r whose best approximation has W-error(r) ≤ <paramref name="Tolerance"/> (SCIENCE §3, §9).</summary>
public sealed record RankAtWError(double Tolerance, int Rank);
