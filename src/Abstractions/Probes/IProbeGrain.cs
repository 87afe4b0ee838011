namespace OrleansSweep.Abstractions;

/// <summary>One probe kind of one run, keyed by <see cref="Key"/>: probes that run's checkpoints, on whichever silo hosts it.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>The grain key of <paramref name="kind"/> for <paramref name="runId"/>.</summary>
    static string Key(string runId, string kind) => $"{runId}/{kind}";

    /// <summary>Queues a checkpoint (a no-op for a step already probed, unless it asks to replace) and returns at once.</summary>
    Task EnqueueAsync(ProbeRequest request);

    /// <summary>Every measurement so far, and how many checkpoints wait.</summary>
    [AlwaysInterleave]
    Task<ProbeSeries> GetSeriesAsync();
}
