namespace OrleansSweep.Client.Report.Data;

/// <summary>The n-gram estimate of the data's rank (SCIENCE.md §9).</summary>
public sealed record NgramReportData
{
    /// <summary>The order n.</summary>
    public int Order { get; init; }

    /// <summary>W-error(r) of the n-gram matrix, indexed by r (index 0 is r = 0, where the error is 1).</summary>
    public double[] WErrorCurve { get; init; } = [];

    /// <summary>The smallest r with W-error(r) ≤ τ, for each τ reported.</summary>
    public ToleranceRank[] RanksAtThreshold { get; init; } = [];

    /// <summary>The rank once sampling noise in the counts is discounted, when estimated.</summary>
    public int? NoiseAwareRank { get; init; }
}
