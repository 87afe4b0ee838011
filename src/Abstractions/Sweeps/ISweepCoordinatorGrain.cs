namespace OrleansSweep.Abstractions;

/// <summary>Expands a sweep spec into runs, keeps them within capacity and aggregates their results; keyed by sweep id.</summary>
public interface ISweepCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates and expands the spec and starts the first runs. Launching the same spec again changes nothing; another spec
    /// under the same id is refused with one sentence.
    /// </summary>
    Task<SweepStatus> LaunchAsync(SweepSpec spec);

    /// <summary>Stops the running runs at a checkpoint of their current step; no run starts until <see cref="ResumeAsync"/>.</summary>
    Task<SweepStatus> PauseAsync();

    /// <summary>Resumes a paused sweep: its paused runs first, then pending ones within max_concurrent.</summary>
    Task<SweepStatus> ResumeAsync();

    /// <summary>Stops every unfinished run for good; finished runs and all series stay.</summary>
    Task<SweepStatus> CancelAsync();

    /// <summary>Changes how many runs train at once: a higher value starts more now; a lower one pauses the excess at a checkpoint, to resume first.</summary>
    Task<SweepStatus> SetMaxConcurrentAsync(int maxConcurrent);

    /// <summary>A run reports progress or its end; a finished run frees capacity for the next.</summary>
    /// <remarks>
    /// One-way: a run never waits on its coordinator, which may itself be waiting on the run (a pause waits for the run's
    /// last checkpoint). A report lost with a silo is caught up by the next, or by the coordinator's reminder asking each run.
    /// </remarks>
    [OneWay]
    Task ReportAsync(RunSummary summary);

    /// <summary>The sweep's progress; null when no sweep has this id.</summary>
    [AlwaysInterleave]
    Task<SweepStatus?> GetStatusAsync();

    /// <summary>The results table; null when no sweep has this id.</summary>
    [AlwaysInterleave]
    Task<SweepResults?> GetResultsAsync();

    /// <summary>The results with the series they were computed from, for a report; null when no sweep has this id.</summary>
    [AlwaysInterleave]
    Task<SweepReport?> GetReportAsync();
}
