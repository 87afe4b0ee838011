using OrleansSweep.Grains.Search;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// The search side of a coordinator: a bayes sweep's next proposal (TPE, <see cref="TpeSampler"/>) and early termination's
/// judgement at each rung (<see cref="SuccessiveHalving"/>). Both are derived from the run rows: rebuilt from them when the
/// coordinator activates, then kept current by every row change.
/// </summary>
public sealed class SweepSearch(SweepSpec spec, SweepRows rows, IGrainFactory grains)
{
    private readonly SuccessiveHalving? _halving = spec.EarlyTerminate is { } e ? new(e, spec.Metric.Goal != "maximize") : null;
    private readonly TpeSampler? _tpe = spec.Method == "bayes" ? new([.. SearchSpace.Of(spec).Dimensions.Select(d => d.Parameter)], spec.SearchSeed) : null;
    private readonly Dictionary<int, (IReadOnlyList<double> Point, double? Loss)> _finished = [];
    private readonly Dictionary<int, IReadOnlyList<double>> _inFlight = [];

    /// <summary>Takes in every stored row: the runs TPE has seen, and the values early termination judged at each rung.</summary>
    public void Load(IReadOnlyList<RunRow> all)
    {
        foreach (var row in all)
        {
            Observe(row);
            if (_halving is null || row.RungMetrics.Count == 0) continue;
            var rungs = Rungs(row);
            for (var k = 0; k < row.RungMetrics.Count && k < rungs.Count; k++) _halving.Record(Bracket(row), rungs[k], row.RungMetrics[k]);
        }
    }

    /// <summary>The next bayes run: TPE's proposal given the finished runs' metrics and the points still training.</summary>
    public RunRow Propose(int index)
    {
        var observed = _finished.Values.Where(f => f.Loss is not null).Select(f => (f.Point, f.Loss!.Value)).ToList();
        var point = _tpe!.Propose(index, observed, _inFlight.Values.ToList());
        return new RunRow { Index = index, Point = point, State = RunState.Pending };
    }

    /// <summary>
    /// A changed row: noted for TPE, and a running run past a rung it was not judged at is judged there (asynchronous
    /// successive halving); returns the run's summary when that stopped it.
    /// </summary>
    public async Task<RunSummary?> JudgeAsync(RowChange change)
    {
        var row = change.Current;
        Observe(row);
        if (_halving is null || row is not { State: RunState.Running, Summary: { } summary }) return null;
        var rungs = Rungs(row);
        var judged = row.RungMetrics.ToList();
        var run = grains.GetGrain<ITrainingRunGrain>(summary.Spec.RunId);
        RunSummary? stopped = null;
        while (stopped is null && judged.Count < rungs.Count && summary.Step >= rungs[judged.Count])
        {
            var rung = rungs[judged.Count];
            // Not recorded yet (the eval of that step is still on its way): the next report judges it.
            if (await run.GetValueAtAsync(spec.Metric.Name, rung) is not { } value) break;
            judged.Add(value);
            if (!_halving.Continues(Bracket(row), rung, value)) stopped = await run.StopEarlyAsync(rung);
        }
        if (judged.Count != row.RungMetrics.Count) await rows.SetAsync(row with { RungMetrics = judged });
        return stopped;
    }

    private void Observe(RunRow row)
    {
        if (_tpe is null) return;
        _inFlight.Remove(row.Index);
        _finished.Remove(row.Index);
        if (row.State.IsFinished())
        {
            var metric = rows.Index.Metric(row);
            _finished[row.Index] = (row.Point, metric is { } m && double.IsFinite(m) ? (spec.Metric.Goal == "maximize" ? -m : m) : null);
        }
        else _inFlight[row.Index] = row.Point;
    }

    private int Bracket(RunRow row) => SuccessiveHalving.BracketOf(row.Index, spec.EarlyTerminate!.S);

    private IReadOnlyList<int> Rungs(RunRow row) => _halving!.Rungs(Bracket(row), rows.Summary(row).Spec.Training.Steps);
}
