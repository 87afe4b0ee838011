namespace OrleansSweep.Abstractions;

/// <summary>The ids of every sweep launched on the cluster (one grain, key 0), for `list`; counts come from each coordinator.</summary>
public interface ISweepRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Records a sweep id; a repeated one is kept once.</summary>
    Task AddAsync(string sweepId);

    /// <summary>Every sweep id, in launch order.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> GetAsync();
}
