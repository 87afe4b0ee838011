namespace OrleansSweep.Abstractions;

/// <summary>One configuration's training loop, keyed by run id.</summary>
public interface ITrainingRunGrain : IGrainWithStringKey
{
    /// <summary>Starts training in the background (a no-op when this run already trains or is finished; a paused run resumes) and returns at once.</summary>
    Task<RunSummary> StartAsync(RunSpec spec);

    /// <summary>Stops training at a checkpoint of the current step; <see cref="StartAsync"/> resumes from it.</summary>
    Task<RunSummary> PauseAsync();

    /// <summary>Stops training for good (state Cancelled); the series so far stay.</summary>
    Task<RunSummary> CancelAsync();

    /// <summary>Stops training for good at early termination's rung <paramref name="rungStep"/> (state Stopped); checkpoints and series stay.</summary>
    Task<RunSummary> StopEarlyAsync(int rungStep);

    /// <summary>A Failed or Stopped run trains again from its last good checkpoint with a fresh failure budget; refused for a diverged run.</summary>
    Task<RunSummary> RetryAsync();

    /// <summary>One metric's value at exactly <paramref name="step"/>; null when none was recorded there (yet).</summary>
    [AlwaysInterleave]
    Task<double?> GetValueAtAsync(string metric, int step);

    /// <summary>The run's progress; answered while it trains.</summary>
    [AlwaysInterleave]
    Task<RunSummary?> GetSummaryAsync();

    /// <summary>One recorded metric (see <see cref="MetricNames"/>); empty when unknown.</summary>
    [AlwaysInterleave]
    Task<MetricSeries> GetSeriesAsync(string metric);

    /// <summary>Queues every stored checkpoint for <paramref name="kinds"/> again (e.g. a new probe kind); returns how many checkpoints.</summary>
    Task<int> ReprobeAsync(IReadOnlyList<string> kinds);
}
