using Microsoft.Extensions.Logging;
using OrleansSweep.Grains.Corpora;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>One sweep: expands its spec into runs, starts them within max_concurrent and aggregates what they report.</summary>
public sealed class SweepCoordinatorGrain(
    [PersistentState("sweep")] IPersistentState<SweepState> state,
    CorpusCatalog corpora,
    ILogger<SweepCoordinatorGrain> logger) : Grain, ISweepCoordinatorGrain
{
    /// <summary>Validates and expands the spec, persists its runs as Pending, and starts the first of them.</summary>
    public async Task<SweepStatus> LaunchAsync(SweepSpec spec)
    {
        if (spec.Name != this.GetPrimaryKeyString())
            throw new ArgumentException($"name '{spec.Name}' differs from the sweep id '{this.GetPrimaryKeyString()}'.");
        var runs = SweepExpander.Expand(spec);
        if (state.State.Spec is { } existing)
        {
            if (!SweepSpecs.Same(existing, spec))
                throw new ArgumentException($"sweep '{spec.Name}' already exists with a different spec; choose another name.");
            return Status();
        }
        foreach (var run in runs) CorpusCatalog.CheckContext(spec.Corpus, run.Model.Context);
        var (description, optimal) = corpora.Describe(spec.Corpus);
        state.State = new SweepState
        {
            Spec = spec,
            Runs = runs.Select(r => new RunSummary { Spec = r, State = RunState.Pending }).ToList(),
            CorpusDescription = description,
            OptimalLoss = optimal,
        };
        await state.WriteStateAsync();
        logger.LogInformation("Sweep {Sweep} launched with {Runs} runs", spec.Name, runs.Count);
        await StartNgramEstimateAsync();
        await FillCapacityAsync();
        return Status();
    }

    /// <summary>Records a run's latest summary; a finished run lets the next pending one start.</summary>
    public async Task ReportAsync(RunSummary summary)
    {
        var index = state.State.Runs.FindIndex(r => r.Spec.RunId == summary.Spec.RunId);
        if (index < 0) return;
        state.State.Runs[index] = summary;
        await state.WriteStateAsync();
        if (summary.IsFinished) await FillCapacityAsync();
    }

    /// <summary>Progress of every run.</summary>
    public Task<SweepStatus?> GetStatusAsync() => Task.FromResult(state.State.Spec is null ? null : Status());

    /// <summary>The results: per run its losses, gaps, saturation and latest probes; per sweep the scaling-law fits.</summary>
    public async Task<SweepResults?> GetResultsAsync()
    {
        if (state.State.Spec is null) return null;
        var status = Status();
        var runs = await Task.WhenAll(status.Runs.Select(ObserveAsync));
        var request = NgramRequest();
        var ngram = request is null ? null : await GrainFactory.GetGrain<INgramRankGrain>(NgramRankRequest.KeyOf(request)).GetAsync();
        return SweepAggregation.Results(status, runs, ngram, ngramPending: request is not null && ngram is null);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a restart, wake the runs that were training (StartAsync is idempotent and resumes them), then top up.
        if (state.State.Spec is null) return;
        await StartNgramEstimateAsync();
        foreach (var run in state.State.Runs.Where(r => r.State == RunState.Running).ToList())
            await GrainFactory.GetGrain<ITrainingRunGrain>(run.Spec.RunId).StartAsync(run.Spec);
        await FillCapacityAsync();
    }

    // The estimate grain computes once per (corpus, order, min_count) and keeps it, so every sweep of one corpus shares it;
    // starting it again after a restart is a no-op once it is stored.
    private async Task StartNgramEstimateAsync()
    {
        if (NgramRequest() is { } request)
            await GrainFactory.GetGrain<INgramRankGrain>(NgramRankRequest.KeyOf(request)).StartAsync(request);
    }

    private NgramRankRequest? NgramRequest() => state.State.Spec is { Analysis.NgramOrder: >= 2 } spec
        ? new NgramRankRequest { Corpus = spec.Corpus, Order = spec.Analysis.NgramOrder, MinCount = spec.Analysis.NgramMinCount }
        : null;

    private async Task FillCapacityAsync()
    {
        var spec = state.State.Spec!;
        var started = false;
        while (state.State.Runs.Count(r => r.State == RunState.Running) < spec.MaxConcurrent)
        {
            var index = state.State.Runs.FindIndex(r => r.State == RunState.Pending);
            if (index < 0) break;
            var run = state.State.Runs[index];
            state.State.Runs[index] = await GrainFactory.GetGrain<ITrainingRunGrain>(run.Spec.RunId).StartAsync(run.Spec);
            started = true;
        }
        if (started) await state.WriteStateAsync();
    }

    private async Task<RunObservations> ObserveAsync(RunSummary run)
    {
        if (run.State == RunState.Pending) return RunObservations.Unstarted(run);
        var id = run.Spec.RunId;
        var eval = await GrainFactory.GetGrain<ITrainingRunGrain>(id).GetSeriesAsync(MetricNames.EvalLoss);
        var probes = await Task.WhenAll(run.Spec.Probes.Kinds.Select(k => GrainFactory.GetGrain<IProbeGrain>(IProbeGrain.Key(id, k)).GetSeriesAsync()));
        return new RunObservations(run, eval.Steps.Zip(eval.Values).ToList(), probes.ToDictionary(p => p.Kind));
    }

    private SweepStatus Status() => new()
    {
        SweepId = this.GetPrimaryKeyString(),
        Spec = state.State.Spec!,
        Runs = state.State.Runs.ToList(),
        OptimalLoss = state.State.OptimalLoss,
        CorpusDescription = state.State.CorpusDescription,
    };
}
