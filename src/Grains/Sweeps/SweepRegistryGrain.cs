namespace OrleansSweep.Grains.Sweeps;

/// <summary>Every sweep id launched on the cluster, in launch order, for `list`.</summary>
public sealed class SweepRegistryGrain([PersistentState("sweeps")] IPersistentState<List<string>> state) : Grain, ISweepRegistryGrain
{
    /// <summary>Records a sweep id once.</summary>
    public async Task AddAsync(string sweepId)
    {
        if (state.State.Contains(sweepId)) return;
        state.State.Add(sweepId);
        await state.WriteStateAsync();
    }

    /// <summary>Every sweep id.</summary>
    public Task<IReadOnlyList<string>> GetAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.ToList());
}
