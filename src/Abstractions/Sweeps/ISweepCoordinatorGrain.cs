namespace OrleansSweep.Abstractions;

/// <summary>Expands a sweep spec into runs, keeps them within capacity and aggregates their results; keyed by sweep id.</summary>
public interface ISweepCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates and expands the spec and starts the first runs. Launching the same spec again changes nothing; another spec
    /// under the same id is refused with one sentence.
    /// </summary>
    Task<SweepStatus> LaunchAsync(SweepSpec spec);

    /// <summary>A run reports progress or its end; a finished run frees capacity for the next.</summary>
    Task ReportAsync(RunSummary summary);

    /// <summary>The sweep's progress; null when no sweep has this id.</summary>
    [AlwaysInterleave]
    Task<SweepStatus?> GetStatusAsync();

    /// <summary>The results table; null when no sweep has this id.</summary>
    [AlwaysInterleave]
    Task<SweepResults?> GetResultsAsync();
}
