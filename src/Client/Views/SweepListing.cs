namespace OrleansSweep.Client.Views;

/// <summary>One line of `list`: a sweep, what its owner asked of it, and its runs counted by state.</summary>
public sealed record SweepListing(string SweepId, SweepPhase Phase, int Planned, RunCounts Counts, int MaxConcurrent)
{
    public static SweepListing Of(SweepStatus status) => new(status.SweepId, status.Phase, status.Planned, status.Counts, status.MaxConcurrent);
}
