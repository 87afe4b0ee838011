namespace OrleansSweep.Compute.Experiments;

/// <summary>One rank of the head-rank experiment.</summary>
/// <param name="Rank">r of the retrained head (r = d: a full-rank head).</param>
/// <param name="HeadParameters">Parameters of the retrained head: r·(V + d), or V·d at full rank.</param>
/// <param name="EvalLoss">Held-out cross-entropy of the frozen body under the retrained head, nats/token.</param>
/// <param name="StandardError">Standard error of <paramref name="EvalLoss"/> over tokens.</param>
/// <param name="FullHeadWError">W-error(r) of the original model's head: how far its best rank-r approximation is from it.</param>
public sealed record HeadRankPoint(int Rank, long HeadParameters, double EvalLoss, double StandardError, double FullHeadWError);
