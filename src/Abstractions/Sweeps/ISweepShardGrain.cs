namespace OrleansSweep.Abstractions;

/// <summary>
/// A bounded slice of one sweep's run rows (<see cref="Size"/> consecutive runs), keyed "{sweep}/{shard}". A run's state change
/// rewrites its shard only, so it costs the same in a sweep of ten runs or a million. Only the sweep's coordinator calls it.
/// </summary>
public interface ISweepShardGrain : IGrainWithStringKey
{
    /// <summary>Runs per shard.</summary>
    public const int Size = 128;

    /// <summary>The key of the shard holding run <paramref name="index"/> of <paramref name="sweepId"/>.</summary>
    static string Key(string sweepId, int index) => $"{sweepId}/{index / Size}";

    /// <summary>
    /// Adds rows past the last one it holds; those it holds already are kept (a launch repeated after a crash). Returns the
    /// shard's counts by state after (indexed by <see cref="RunState"/>).
    /// </summary>
    Task<IReadOnlyList<int>> AddAsync(IReadOnlyList<RunRow> rows);

    /// <summary>Stores a run's latest summary; returns the row before and after (unchanged once finished: a late report cannot undo an end).</summary>
    Task<RowChange> ReportAsync(RunSummary summary);

    /// <summary>Replaces a row the coordinator changed itself (started, judged at a rung, retried); returns the row before and after.</summary>
    Task<RowChange> SetAsync(RunRow row);

    /// <summary>Every row, in index order (rebuilding a coordinator's derived state).</summary>
    Task<IReadOnlyList<RunRow>> GetRowsAsync();

    /// <summary>The rows at <paramref name="indexes"/>, in that order.</summary>
    Task<IReadOnlyList<RunRow>> GetAsync(IReadOnlyList<int> indexes);

    /// <summary>The rows in <paramref name="state"/> (any when null), skipping <paramref name="skip"/> of them, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<RunRow>> GetPageAsync(RunState? state, int skip, int take);

    /// <summary>Every pending row becomes Cancelled; returns those changes.</summary>
    Task<IReadOnlyList<RowChange>> CancelPendingAsync();
}
