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

    /// <summary>The sweep's counts and one page of its runs; null when no sweep has this id.</summary>
    [AlwaysInterleave]
    Task<SweepStatus?> GetStatusAsync(StatusQuery query);

    /// <summary>The sweep's counts, first page of runs; null when no sweep has this id.</summary>
    [AlwaysInterleave]
    Task<SweepStatus?> GetStatusAsync() => GetStatusAsync(new StatusQuery());

    /// <summary>Groups, the best runs and the scaling-law fits, kept up to date as runs report; null when no sweep has this id.</summary>
    [AlwaysInterleave]
    Task<SweepResults?> GetResultsAsync(ResultsQuery query);

    /// <summary>The results with the default query.</summary>
    [AlwaysInterleave]
    Task<SweepResults?> GetResultsAsync() => GetResultsAsync(new ResultsQuery());

    /// <summary>
    /// Returns the sweep's version as soon as it differs from <paramref name="version"/>, or after <paramref name="wait"/>
    /// (at most 20 s) with it unchanged: a long poll, so a watcher reads again only when something changed.
    /// </summary>
    [AlwaysInterleave]
    Task<long> WaitForChangeAsync(long version, TimeSpan wait);

    /// <summary>
    /// Runs in <paramref name="states"/> (failed, stopped) train again from their last good checkpoint with a fresh failure
    /// budget; a diverged run is refused (same seed, same batches: it would diverge again).
    /// </summary>
    Task<SweepStatus> RetryAsync(IReadOnlyList<RunState> states);

    /// <summary>The results with the series they were computed from, for a report; null when no sweep has this id.</summary>
    [AlwaysInterleave]
    Task<SweepReport?> GetReportAsync();
}
