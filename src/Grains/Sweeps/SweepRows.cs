namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// A sweep's run rows across its shards, for its coordinator: creating them, changing them and keeping the coordinator's
/// <see cref="SweepIndex"/> current, and reading pages of them. Every call names the shards it needs, never all of them,
/// except <see cref="LoadAsync"/> when the coordinator activates.
/// </summary>
public sealed class SweepRows(IGrainFactory grains, string sweepId, SweepSpec spec)
{
    public SweepIndex Index { get; } = new(spec, SweepExpander.Axes(spec), SweepExpander.Listed(spec));

    /// <summary>Reads every shard's rows into <see cref="Index"/>; returns the rows for whoever else derives state from them.</summary>
    public async Task<IReadOnlyList<RunRow>> LoadAsync(int created)
    {
        var shards = (created + ISweepShardGrain.Size - 1) / ISweepShardGrain.Size;
        var rows = await Task.WhenAll(Enumerable.Range(0, shards).Select(s => Shard(s).GetRowsAsync()));
        foreach (var shardRows in rows)
        {
            var counts = new int[Enum.GetValues<RunState>().Length];
            foreach (var row in shardRows) counts[(int)row.State]++;
            foreach (var row in shardRows) Index.Apply(new RowChange(null, row, counts));
        }
        return rows.SelectMany(r => r).ToList();
    }

    /// <summary>Stores new rows, a shard at a time; rows a shard holds already are kept.</summary>
    public async Task AddAsync(IEnumerable<RunRow> rows)
    {
        foreach (var batch in rows.Chunk(ISweepShardGrain.Size * 8))
        {
            await Task.WhenAll(batch.GroupBy(r => r.Index / ISweepShardGrain.Size).Select(async shard =>
            {
                var counts = await Shard(shard.Key).AddAsync(shard.ToList());
                foreach (var row in shard) Index.Apply(new RowChange(null, row, counts));
            }));
        }
    }

    /// <summary>A run grain's summary, into its row.</summary>
    public async Task<RowChange> ReportAsync(RunSummary summary) => Applied(await ShardOf(summary.Spec.Index).ReportAsync(summary));

    /// <summary>A row the coordinator changed.</summary>
    public async Task<RowChange> SetAsync(RunRow row) => Applied(await ShardOf(row.Index).SetAsync(row));

    /// <summary>Up to <paramref name="take"/> rows in <paramref name="state"/> (any when null) from the <paramref name="skip"/>-th on, in sweep order.</summary>
    public async Task<IReadOnlyList<RunRow>> PageAsync(RunState? state, int skip, int take)
    {
        var parts = await Task.WhenAll(Index.Locate(state, skip, take).Select(p => Shard(p.Shard).GetPageAsync(state, p.Skip, p.Take)));
        return parts.SelectMany(p => p).ToList();
    }

    /// <summary>Every row in <paramref name="state"/> (running or paused runs: bounded by the sweep's capacity).</summary>
    public Task<IReadOnlyList<RunRow>> AllAsync(RunState state) => PageAsync(state, 0, Index.Counts.Of(state));

    /// <summary>The rows at <paramref name="indexes"/>, in that order.</summary>
    public async Task<IReadOnlyList<RunRow>> GetAsync(IReadOnlyList<int> indexes)
    {
        var byShard = await Task.WhenAll(indexes.GroupBy(i => i / ISweepShardGrain.Size).Select(g => Shard(g.Key).GetAsync(g.ToList())));
        var rows = byShard.SelectMany(r => r).ToDictionary(r => r.Index);
        return indexes.Select(i => rows[i]).ToList();
    }

    /// <summary>Every pending row becomes Cancelled.</summary>
    public async Task CancelPendingAsync()
    {
        foreach (var shard in Index.ShardsWith(RunState.Pending).ToList())
            foreach (var change in await Shard(shard).CancelPendingAsync()) Index.Apply(change);
    }

    /// <summary>The row as the client sees it: its run's latest summary, or for a run not started its spec and state.</summary>
    public RunSummary Summary(RunRow row) =>
        row.Summary is { } s ? s with { State = row.State } : new RunSummary { Spec = SweepExpander.RunAt(spec, row.Index, row.Point), State = row.State };

    private RowChange Applied(RowChange change)
    {
        Index.Apply(change);
        return change;
    }

    private ISweepShardGrain ShardOf(int index) => grains.GetGrain<ISweepShardGrain>(ISweepShardGrain.Key(sweepId, index));

    private ISweepShardGrain Shard(int shard) => ShardOf(shard * ISweepShardGrain.Size);
}
