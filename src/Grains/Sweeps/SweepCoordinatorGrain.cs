using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// One sweep: expands its spec into runs, starts them within max_concurrent and aggregates what they report. While the
/// sweep is active and unfinished a durable reminder wakes it, so a restarted cluster picks it up with no client action.
/// </summary>
public sealed class SweepCoordinatorGrain(
    [PersistentState("sweep")] IPersistentState<SweepState> state,
    CorpusCatalog corpora,
    IOptions<FailoverOptions> failover,
    ILogger<SweepCoordinatorGrain> logger) : Grain, ISweepCoordinatorGrain, IRemindable
{
    private DurableReminder Reminder => field ??= new(this, "keep-sweeping", failover.Value.ReminderPeriod, logger);

    /// <summary>Validates and expands the spec, persists its runs as Pending, and starts the first of them.</summary>
    public async Task<SweepStatus> LaunchAsync(SweepSpec spec)
    {
        if (spec.Name != this.GetPrimaryKeyString())
            throw new ArgumentException($"name '{spec.Name}' differs from the sweep id '{this.GetPrimaryKeyString()}'.");
        var runs = SweepExpander.Expand(spec);
        if (state.State.Spec is { } existing)
        {
            // The same spec is the same sweep; one that differs only in max_concurrent changes its capacity.
            if (!SweepSpecs.Same(existing with { MaxConcurrent = spec.MaxConcurrent }, spec))
                throw new ArgumentException($"sweep '{spec.Name}' already exists with a different spec; choose another name.");
            return spec.MaxConcurrent == existing.MaxConcurrent ? Status() : await SetMaxConcurrentAsync(spec.MaxConcurrent);
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
        await KeepGoingAsync();
        return Status();
    }

    /// <summary>Pauses every running run; pending ones wait.</summary>
    public async Task<SweepStatus> PauseAsync()
    {
        RequireNotCancelled("pause");
        state.State.Phase = SweepPhase.Paused;
        await state.WriteStateAsync();
        foreach (var run in state.State.Runs.Where(r => r.State == RunState.Running).ToList())
            Replace(await Run(run).PauseAsync());
        await state.WriteStateAsync();
        await Reminder.ForgetAsync();
        return Status();
    }

    /// <summary>Resumes paused runs, then fills capacity.</summary>
    public async Task<SweepStatus> ResumeAsync()
    {
        RequireNotCancelled("resume");
        state.State.Phase = SweepPhase.Active;
        await state.WriteStateAsync();
        await KeepGoingAsync();
        return Status();
    }

    /// <summary>Cancels every unfinished run.</summary>
    public async Task<SweepStatus> CancelAsync()
    {
        RequireExists();
        state.State.Phase = SweepPhase.Cancelled;
        await state.WriteStateAsync();
        foreach (var run in state.State.Runs.Where(r => !r.IsFinished).ToList())
            Replace(run.State == RunState.Pending ? run with { State = RunState.Cancelled } : await Run(run).CancelAsync());
        await state.WriteStateAsync();
        await Reminder.ForgetAsync();
        return Status();
    }

    /// <summary>Stores the new capacity; above the runs training, starts more; below, pauses the last-started ones (they resume first).</summary>
    public async Task<SweepStatus> SetMaxConcurrentAsync(int maxConcurrent)
    {
        RequireExists();
        if (maxConcurrent < 1) throw new ArgumentException("max_concurrent must be at least 1.");
        state.State.Spec = state.State.Spec! with { MaxConcurrent = maxConcurrent };
        await state.WriteStateAsync();
        if (state.State.Phase != SweepPhase.Active) return Status();
        var excess = state.State.Runs.Where(r => r.State == RunState.Running).Skip(maxConcurrent).ToList();
        foreach (var run in excess) Replace(await Run(run).PauseAsync());
        if (excess.Count > 0) await state.WriteStateAsync();
        await FillCapacityAsync();
        return Status();
    }

    /// <summary>Records a run's latest summary; a finished run lets the next pending one start.</summary>
    public async Task ReportAsync(RunSummary summary)
    {
        var index = state.State.Runs.FindIndex(r => r.Spec.RunId == summary.Spec.RunId);
        // A finished run never starts again: a late progress report must not undo its end.
        if (index < 0 || state.State.Runs[index].IsFinished) return;
        var previous = state.State.Runs[index];
        state.State.Runs[index] = summary;
        // Progress is the run's to persist (it does, at each checkpoint); the sweep persists what changes it, a run's state.
        // Writing every report made the embedded silo write its database dozens of times a second with four fast runs.
        if (previous.State != summary.State) await state.WriteStateAsync();
        if (summary.IsFinished && state.State.Phase == SweepPhase.Active) await FillCapacityAsync();
    }

    /// <summary>Progress of every run.</summary>
    public Task<SweepStatus?> GetStatusAsync() => Task.FromResult(state.State.Spec is null ? null : Status());

    /// <summary>The results: per run its losses, gaps, saturation and latest probes; per sweep the scaling-law fits.</summary>
    public async Task<SweepResults?> GetResultsAsync()
    {
        if (state.State.Spec is null) return null;
        var status = Status();
        return await ResultsAsync(status, await Task.WhenAll(status.Runs.Select(r => RunSeriesReader.ObserveAsync(GrainFactory, r))));
    }

    /// <summary>The results and every run's series, each series read once for both.</summary>
    public async Task<SweepReport?> GetReportAsync()
    {
        if (state.State.Spec is null) return null;
        var status = Status();
        var series = await Task.WhenAll(status.Runs.Select(r => RunSeriesReader.ReadAsync(GrainFactory, r)));
        var results = await ResultsAsync(status, status.Runs.Zip(series, RunSeriesReader.Observe).ToList());
        return new SweepReport { Results = results, Runs = series };
    }

    /// <summary>The durable wake-up after a restart: every run that should train is asked to, and capacity is filled.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Spec is null || state.State.Phase != SweepPhase.Active || state.State.Runs.All(r => r.IsFinished))
            await Reminder.ForgetAsync();
        else await KeepGoingAsync();
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Spec is null) return;
        await StartNgramEstimateAsync();
        if (state.State.Phase == SweepPhase.Active) await KeepGoingAsync();
    }

    // Wakes the runs that were training (StartAsync is idempotent and resumes them), tops up, and keeps the reminder while
    // anything is left to do.
    private async Task KeepGoingAsync()
    {
        if (state.State.Runs.All(r => r.IsFinished))
        {
            await Reminder.ForgetAsync();
            return;
        }
        await Reminder.KeepAsync();
        foreach (var run in state.State.Runs.Where(r => r.State == RunState.Running).ToList())
            Replace(await Run(run).StartAsync(run.Spec));
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

    // Paused runs first: they hold trained steps, and a lowered max_concurrent paused them only to wait their turn.
    private async Task FillCapacityAsync()
    {
        var started = false;
        while (state.State.Runs.Count(r => r.State == RunState.Running) < state.State.Spec!.MaxConcurrent)
        {
            var index = state.State.Runs.FindIndex(r => r.State == RunState.Paused);
            if (index < 0) index = state.State.Runs.FindIndex(r => r.State == RunState.Pending);
            if (index < 0) break;
            var run = state.State.Runs[index];
            state.State.Runs[index] = await Run(run).StartAsync(run.Spec);
            started = true;
        }
        if (started) await state.WriteStateAsync();
    }

    private ITrainingRunGrain Run(RunSummary run) => GrainFactory.GetGrain<ITrainingRunGrain>(run.Spec.RunId);

    private void Replace(RunSummary summary) =>
        state.State.Runs[state.State.Runs.FindIndex(r => r.Spec.RunId == summary.Spec.RunId)] = summary;

    private void RequireExists()
    {
        if (state.State.Spec is null) throw new ArgumentException($"no sweep has the id '{this.GetPrimaryKeyString()}'.");
    }

    private void RequireNotCancelled(string action)
    {
        RequireExists();
        if (state.State.Phase == SweepPhase.Cancelled)
            throw new ArgumentException($"sweep '{this.GetPrimaryKeyString()}' was cancelled and cannot {action}; launch its spec under another name.");
    }

    private async Task<SweepResults> ResultsAsync(SweepStatus status, IReadOnlyList<RunObservations> runs)
    {
        var request = NgramRequest();
        var ngram = request is null ? null : await GrainFactory.GetGrain<INgramRankGrain>(NgramRankRequest.KeyOf(request)).GetAsync();
        return SweepAggregation.Results(status, runs, ngram, ngramPending: request is not null && ngram is null);
    }

    private SweepStatus Status() => new()
    {
        SweepId = this.GetPrimaryKeyString(),
        Spec = state.State.Spec!,
        Runs = state.State.Runs.ToList(),
        OptimalLoss = state.State.OptimalLoss,
        CorpusDescription = state.State.CorpusDescription,
        Phase = state.State.Phase,
        MaxConcurrent = state.State.Spec!.MaxConcurrent,
    };
}
