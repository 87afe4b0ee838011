namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// What a coordinator derives from its sweep's run rows and keeps in memory: counts by state per shard, the runs ranked by the
/// metric, and the groups. Rebuilt from the shards when the coordinator activates, then kept current by every row change, so
/// a status or results call reads it without asking any run.
/// </summary>
public sealed class SweepIndex(SweepSpec spec, IReadOnlyList<string> axes, IReadOnlyList<bool> listed)
{
    private static readonly int States = Enum.GetValues<RunState>().Length;
    private readonly List<int[]> _shardCounts = [];
    // Diverged and failed runs rank after every other run with a value, whatever their last value was.
    private readonly SortedSet<(bool Broken, double Key, int Index)> _ranking = [];
    private readonly Dictionary<int, (bool Broken, double Key)> _rankKey = [];
    private readonly SweepGroups _groups = new(axes, listed);
    private readonly int[] _totals = new int[States];

    /// <summary>Changes with every row change; starts from the clock so that a new activation never repeats an old value.</summary>
    public long Version { get; private set; } = DateTime.UtcNow.Ticks;

    /// <summary>Every created run by state.</summary>
    public RunCounts Counts => RunCounts.From(_totals);

    /// <summary>How many groups there are.</summary>
    public int GroupCount => _groups.Count;

    private bool Minimize => spec.Metric.Goal != "maximize";

    /// <summary>A row's value of the sweep's metric: its latest evaluation (or train loss); null before it has one.</summary>
    public double? Metric(RunRow row) => spec.Metric.Name == MetricNames.TrainLoss ? row.Summary?.TrainLoss : row.Summary?.FinalEvalLoss;

    /// <summary>Takes in a row: new (previous null) or changed; <paramref name="counts"/> are its shard's after the change.</summary>
    public void Apply(RowChange change)
    {
        var shard = change.Current.Index / ISweepShardGrain.Size;
        SetCounts(shard, change.Counts);
        var row = change.Current;
        if (_rankKey.Remove(row.Index, out var old)) _ranking.Remove((old.Broken, old.Key, row.Index));
        if (Metric(row) is { } metric && double.IsFinite(metric))
        {
            var rank = (Broken: row.State is RunState.Diverged or RunState.Failed, Key: Minimize ? metric : -metric);
            _ranking.Add((rank.Broken, rank.Key, row.Index));
            _rankKey[row.Index] = rank;
        }
        _groups.Apply(row, Metric(row));
    }

    /// <summary>Marks a change that no row shows (a phase, a capacity).</summary>
    public void Touch() => Version++;

    /// <summary>A shard's counts by state, replacing what it said before; every row change comes through here, so the version moves.</summary>
    public void SetCounts(int shard, IReadOnlyList<int> counts)
    {
        while (_shardCounts.Count <= shard) _shardCounts.Add(new int[States]);
        for (var s = 0; s < States; s++)
        {
            _totals[s] += counts[s] - _shardCounts[shard][s];
            _shardCounts[shard][s] = counts[s];
        }
        Version++;
    }

    /// <summary>The shards, in order, that hold a run in <paramref name="state"/>.</summary>
    public IEnumerable<int> ShardsWith(RunState state) =>
        Enumerable.Range(0, _shardCounts.Count).Where(s => _shardCounts[s][(int)state] > 0);

    /// <summary>
    /// Where the runs matching <paramref name="filter"/> from the <paramref name="offset"/>-th on lie: (shard, rows of that
    /// filter to skip there, rows to take there), until <paramref name="take"/> rows are covered. Walks the counts only.
    /// </summary>
    public IEnumerable<(int Shard, int Skip, int Take)> Locate(RunState? filter, int offset, int take)
    {
        for (var shard = 0; shard < _shardCounts.Count && take > 0; shard++)
        {
            var here = filter is { } f ? _shardCounts[shard][(int)f] : _shardCounts[shard].Sum();
            if (offset >= here)
            {
                offset -= here;
                continue;
            }
            var n = Math.Min(take, here - offset);
            yield return (shard, offset, n);
            take -= n;
            offset = 0;
        }
    }

    /// <summary>The indexes of the <paramref name="k"/> best runs by the metric, best first; diverged and failed runs last.</summary>
    public IReadOnlyList<int> Top(int k) => _ranking.Take(k).Select(r => r.Index).ToList();

    /// <summary>One page of groups.</summary>
    public IReadOnlyList<GroupResult> Groups(int page, int size) => _groups.Page(page, size, Minimize);
}
