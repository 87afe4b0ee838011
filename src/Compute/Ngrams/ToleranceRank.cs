namespace OrleansSweep.Compute.Ngrams;

/// <summary>The smallest r with W-error(r) ≤ <paramref name="Tolerance"/>; null when the computed σ do not reach it.</summary>
public sealed record ToleranceRank(double Tolerance, int? Rank);
