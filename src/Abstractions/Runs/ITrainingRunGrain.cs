namespace OrleansSweep.Abstractions;

/// <summary>One configuration's training loop, keyed by run id.</summary>
public interface ITrainingRunGrain : IGrainWithStringKey
{
    /// <summary>Starts training in the background (a no-op when this run already started) and returns at once.</summary>
    Task<RunSummary> StartAsync(RunSpec spec);

    /// <summary>The run's progress; answered while it trains.</summary>
    [AlwaysInterleave]
    Task<RunSummary?> GetSummaryAsync();

    /// <summary>One recorded metric (see <see cref="MetricNames"/>); empty when unknown.</summary>
    [AlwaysInterleave]
    Task<MetricSeries> GetSeriesAsync(string metric);

    /// <summary>Queues every stored checkpoint for <paramref name="kinds"/> again (e.g. a new probe kind); returns how many checkpoints.</summary>
    Task<int> ReprobeAsync(IReadOnlyList<string> kinds);
}
