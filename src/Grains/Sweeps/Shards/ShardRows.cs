namespace OrleansSweep.Grains.Sweeps.Shards;

/// <summary>
/// What adding, reporting and paging do to one shard's rows. No Orleans: tested without a cluster; the grain stores the state
/// when <see cref="Report"/> or <see cref="Set"/> say a row's state changed.
/// </summary>
public sealed class ShardRows(SweepShardState state)
{
    /// <summary>The rows by state, indexed by <see cref="RunState"/>: derived, never stored.</summary>
    public IReadOnlyList<int> Counts()
    {
        var counts = new int[Enum.GetValues<RunState>().Length];
        foreach (var row in state.Rows) counts[(int)row.State]++;
        return counts;
    }

    /// <summary>Appends the rows past the last one held; returns the indexes added.</summary>
    public IReadOnlyList<int> Add(IReadOnlyList<RunRow> rows)
    {
        var next = state.Rows.Count == 0 ? int.MinValue : state.Rows[^1].Index + 1;
        var added = rows.Where(r => r.Index >= next).OrderBy(r => r.Index).ToList();
        state.Rows.AddRange(added);
        return added.Select(r => r.Index).ToList();
    }

    /// <summary>A run grain's summary: the row takes its state and numbers unless it has ended already.</summary>
    public RowChange Report(RunSummary summary)
    {
        var previous = Find(summary.Spec.Index);
        var current = previous.State.IsFinished() ? previous : previous with { State = summary.State, Summary = summary };
        return Replace(previous, current);
    }

    /// <summary>A row the coordinator changed.</summary>
    public RowChange Set(RunRow row) => Replace(Find(row.Index), row);

    /// <summary>The rows at <paramref name="indexes"/>.</summary>
    public IReadOnlyList<RunRow> Get(IReadOnlyList<int> indexes) => indexes.Select(Find).ToList();

    /// <summary>Rows in <paramref name="filter"/> (any when null) after skipping <paramref name="skip"/>, at most <paramref name="take"/>.</summary>
    public IReadOnlyList<RunRow> Page(RunState? filter, int skip, int take) =>
        state.Rows.Where(r => filter is null || r.State == filter).Skip(skip).Take(take).ToList();

    /// <summary>Cancels the pending rows; returns the changes.</summary>
    public IReadOnlyList<RowChange> CancelPending() =>
        state.Rows.Where(r => r.State == RunState.Pending).ToList().Select(r => Replace(r, r with { State = RunState.Cancelled })).ToList();

    private RowChange Replace(RunRow previous, RunRow current)
    {
        state.Rows[Position(previous.Index)] = current;
        return new RowChange(previous, current, Counts());
    }

    private RunRow Find(int index) => state.Rows[Position(index)];

    private int Position(int index)
    {
        var position = state.Rows.Count == 0 ? -1 : index - state.Rows[0].Index;
        if (position < 0 || position >= state.Rows.Count || state.Rows[position].Index != index)
            throw new ArgumentException($"run {index} is not in this shard.");
        return position;
    }
}
