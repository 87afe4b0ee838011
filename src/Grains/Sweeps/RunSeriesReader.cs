namespace OrleansSweep.Grains.Sweeps;

/// <summary>Reads what a run recorded from its run grain and probe grains: for the results, or with everything a report draws.</summary>
public static class RunSeriesReader
{
    /// <summary>The eval loss and the probe kinds of the run's spec; nothing for a run not started.</summary>
    public static async Task<RunObservations> ObserveAsync(IGrainFactory grains, RunSummary run)
    {
        if (run.State == RunState.Pending) return RunObservations.Unstarted(run);
        var id = run.Spec.RunId;
        var eval = await grains.GetGrain<ITrainingRunGrain>(id).GetSeriesAsync(MetricNames.EvalLoss);
        var probes = await Task.WhenAll(run.Spec.Probes.Kinds.Select(k => Probe(grains, id, k)));
        return RunObservations.Of(run, eval, probes);
    }

    /// <summary>
    /// The eval loss with its standard errors and every probe kind, also kinds probed after training (`probe --all-checkpoints`);
    /// <see cref="Observe"/> takes from it what <see cref="ObserveAsync"/> would have read.
    /// </summary>
    public static async Task<RunSeries> ReadAsync(IGrainFactory grains, RunSummary run)
    {
        var id = run.Spec.RunId;
        // A run not started has recorded nothing; asking would only activate its grains.
        if (run.State == RunState.Pending)
            return new RunSeries { RunId = id, EvalLoss = new MetricSeries(MetricNames.EvalLoss, [], []), EvalStandardError = new MetricSeries(MetricNames.EvalStandardError, [], []) };
        var grain = grains.GetGrain<ITrainingRunGrain>(id);
        var eval = grain.GetSeriesAsync(MetricNames.EvalLoss);
        var standardError = grain.GetSeriesAsync(MetricNames.EvalStandardError);
        var probes = await Task.WhenAll(ProbeKinds.All.Select(k => Probe(grains, id, k)));
        return new RunSeries { RunId = id, EvalLoss = await eval, EvalStandardError = await standardError, Probes = probes };
    }

    /// <summary>The observations of <paramref name="run"/> within <paramref name="series"/>: only its spec's probe kinds count.</summary>
    public static RunObservations Observe(RunSummary run, RunSeries series) => run.State == RunState.Pending
        ? RunObservations.Unstarted(run)
        : RunObservations.Of(run, series.EvalLoss, series.Probes.Where(p => run.Spec.Probes.Kinds.Contains(p.Kind)));

    private static Task<ProbeSeries> Probe(IGrainFactory grains, string runId, string kind) =>
        grains.GetGrain<IProbeGrain>(IProbeGrain.Key(runId, kind)).GetSeriesAsync();
}
