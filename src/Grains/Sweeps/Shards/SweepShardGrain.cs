namespace OrleansSweep.Grains.Sweeps.Shards;

/// <summary>
/// Up to <see cref="ISweepShardGrain.Size"/> run rows of one sweep. A run's progress is kept in memory; its state changes are
/// stored, so a write costs one bounded document whatever the sweep's size. What each call does is <see cref="ShardRows"/>'.
/// </summary>
public sealed class SweepShardGrain([PersistentState("shard")] IPersistentState<SweepShardState> state) : Grain, ISweepShardGrain
{
    private ShardRows Rows => new(state.State);

    /// <summary>Stores the rows past the last one held.</summary>
    public async Task<IReadOnlyList<int>> AddAsync(IReadOnlyList<RunRow> rows)
    {
        if (Rows.Add(rows).Count > 0) await state.WriteStateAsync();
        return Rows.Counts();
    }

    /// <summary>Takes a run's summary; stores it when the run's state changed.</summary>
    public async Task<RowChange> ReportAsync(RunSummary summary)
    {
        var change = Rows.Report(summary);
        if (change.Previous!.State != change.Current.State) await state.WriteStateAsync();
        return change;
    }

    /// <summary>Stores a row the coordinator changed.</summary>
    public async Task<RowChange> SetAsync(RunRow row)
    {
        var change = Rows.Set(row);
        await state.WriteStateAsync();
        return change;
    }

    /// <summary>Every row.</summary>
    public Task<IReadOnlyList<RunRow>> GetRowsAsync() => Task.FromResult<IReadOnlyList<RunRow>>(state.State.Rows.ToList());

    /// <summary>The rows at the indexes.</summary>
    public Task<IReadOnlyList<RunRow>> GetAsync(IReadOnlyList<int> indexes) => Task.FromResult(Rows.Get(indexes));

    /// <summary>A page of rows in a state.</summary>
    public Task<IReadOnlyList<RunRow>> GetPageAsync(RunState? state, int skip, int take) => Task.FromResult(Rows.Page(state, skip, take));

    /// <summary>Cancels the pending rows.</summary>
    public async Task<IReadOnlyList<RowChange>> CancelPendingAsync()
    {
        var changes = Rows.CancelPending();
        if (changes.Count > 0) await state.WriteStateAsync();
        return changes;
    }
}
