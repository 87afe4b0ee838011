namespace OrleansSweep.Client.Report.Data;

/// <summary>The smallest rank r with W-error(r) ≤ <see cref="Tau"/>; null when no computed rank reaches it.</summary>
public sealed record RankAtThreshold(double Tau, int? Rank);
