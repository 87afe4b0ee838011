using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// One sweep: expands its spec into runs, starts them within max_concurrent and aggregates what they report. What each call
/// does to the sweep's state is <see cref="SweepProgress"/>'s; this grain makes the calls and stores the state. While the
/// sweep is active and unfinished a durable reminder wakes it, so a restarted cluster picks it up with no client action.
/// </summary>
public sealed class SweepCoordinatorGrain(
    [PersistentState("sweep")] IPersistentState<SweepState> state,
    CorpusCatalog corpora,
    IOptions<FailoverOptions> failover,
    ILogger<SweepCoordinatorGrain> logger) : Grain, ISweepCoordinatorGrain, IRemindable
{
    private SweepProgress Progress => new(state.State, this.GetPrimaryKeyString()); // made anew: reading the stored state replaces state.State
    private DurableReminder Reminder => field ??= new(this, "keep-sweeping", failover.Value.ReminderPeriod, logger);

    /// <summary>Validates and expands the spec, persists its runs as Pending, and starts the first of them.</summary>
    public async Task<SweepStatus> LaunchAsync(SweepSpec spec)
    {
        if (spec.Name != this.GetPrimaryKeyString())
            throw new ArgumentException($"name '{spec.Name}' differs from the sweep id '{this.GetPrimaryKeyString()}'.");
        var runs = SweepExpander.Expand(spec);
        if (Progress.Exists) return Progress.ChangesCapacity(spec) ? await SetMaxConcurrentAsync(spec.MaxConcurrent) : Progress.Status();
        foreach (var run in runs) CorpusCatalog.CheckContext(spec.Corpus, run.Model.Context);
        var (description, optimal) = corpora.Describe(spec.Corpus);
        Progress.Launch(spec, runs, description, optimal);
        await state.WriteStateAsync();
        logger.LogInformation("Sweep {Sweep} launched with {Runs} runs", spec.Name, runs.Count);
        await StartNgramEstimateAsync();
        await KeepGoingAsync();
        return Progress.Status();
    }

    /// <summary>Pauses every running run; pending ones wait.</summary>
    public async Task<SweepStatus> PauseAsync()
    {
        Progress.Enter(SweepPhase.Paused);
        await state.WriteStateAsync();
        foreach (var run in Progress.Running) Progress.Replace(await Run(run).PauseAsync());
        await state.WriteStateAsync();
        await Reminder.ForgetAsync();
        return Progress.Status();
    }

    /// <summary>Resumes paused runs, then fills capacity.</summary>
    public async Task<SweepStatus> ResumeAsync()
    {
        Progress.Enter(SweepPhase.Active);
        await state.WriteStateAsync();
        await KeepGoingAsync();
        return Progress.Status();
    }

    /// <summary>Cancels every unfinished run.</summary>
    public async Task<SweepStatus> CancelAsync()
    {
        Progress.Enter(SweepPhase.Cancelled);
        await state.WriteStateAsync();
        foreach (var run in Progress.CancelPending()) Progress.Replace(await Run(run).CancelAsync());
        await state.WriteStateAsync();
        await Reminder.ForgetAsync();
        return Progress.Status();
    }

    /// <summary>Stores the new capacity; above the runs training, starts more; below, pauses the last-started ones (they resume first).</summary>
    public async Task<SweepStatus> SetMaxConcurrentAsync(int maxConcurrent)
    {
        var excess = Progress.SetMaxConcurrent(maxConcurrent);
        await state.WriteStateAsync();
        if (state.State.Phase != SweepPhase.Active) return Progress.Status();
        foreach (var run in excess) Progress.Replace(await Run(run).PauseAsync());
        if (excess.Count > 0) await state.WriteStateAsync();
        await FillCapacityAsync();
        return Progress.Status();
    }

    /// <summary>Records a run's latest summary; a finished run lets the next pending one start.</summary>
    public async Task ReportAsync(RunSummary summary)
    {
        // Writing every report made the embedded silo write its database dozens of times a second with four fast runs.
        if (!Progress.Report(summary)) return;
        await state.WriteStateAsync();
        if (summary.IsFinished) await FillCapacityAsync();
    }

    /// <summary>Progress of every run.</summary>
    public Task<SweepStatus?> GetStatusAsync() => Task.FromResult(Progress.Exists ? Progress.Status() : null);

    /// <summary>The results: per run its losses, gaps, saturation and latest probes; per sweep the scaling-law fits.</summary>
    public async Task<SweepResults?> GetResultsAsync()
    {
        if (!Progress.Exists) return null;
        var status = Progress.Status();
        return await ResultsAsync(status, await Task.WhenAll(status.Runs.Select(r => RunSeriesReader.ObserveAsync(GrainFactory, r))));
    }

    /// <summary>The results and every run's series, each series read once for both.</summary>
    public async Task<SweepReport?> GetReportAsync()
    {
        if (!Progress.Exists) return null;
        var status = Progress.Status();
        var series = await Task.WhenAll(status.Runs.Select(r => RunSeriesReader.ReadAsync(GrainFactory, r)));
        var results = await ResultsAsync(status, status.Runs.Zip(series, RunSeriesReader.Observe).ToList());
        return new SweepReport { Results = results, Runs = series };
    }

    /// <summary>The durable wake-up after a restart: every run that should train is asked to, and capacity is filled.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Progress.Exists && state.State.Phase == SweepPhase.Active) await KeepGoingAsync();
        else await Reminder.ForgetAsync();
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Progress.Exists) return;
        await StartNgramEstimateAsync();
        if (state.State.Phase == SweepPhase.Active) await KeepGoingAsync();
    }

    // Wakes the runs that were training (StartAsync is idempotent and resumes them), tops up, and keeps the reminder while
    // anything is left to do.
    private async Task KeepGoingAsync()
    {
        if (Progress.AllFinished)
        {
            await Reminder.ForgetAsync();
            return;
        }
        await Reminder.KeepAsync();
        foreach (var run in Progress.Running) Progress.Replace(await Run(run).StartAsync(run.Spec));
        await FillCapacityAsync();
    }

    private async Task FillCapacityAsync()
    {
        var started = false;
        for (var run = Progress.Next(); run is not null; run = Progress.Next(), started = true)
            Progress.Replace(await Run(run).StartAsync(run.Spec));
        if (started) await state.WriteStateAsync();
    }

    // The estimate grain computes once per (corpus, order, min_count) and keeps it, so every sweep of one corpus shares it;
    // starting it again after a restart is a no-op once it is stored.
    private async Task StartNgramEstimateAsync()
    {
        if (Progress.NgramRequest() is { } request) await NgramGrain(request).StartAsync(request);
    }

    private async Task<SweepResults> ResultsAsync(SweepStatus status, IReadOnlyList<RunObservations> runs)
    {
        var request = Progress.NgramRequest();
        var ngram = request is null ? null : await NgramGrain(request).GetAsync();
        return SweepAggregation.Results(status, runs, ngram, ngramPending: request is not null && ngram is null);
    }

    private INgramRankGrain NgramGrain(NgramRankRequest request) => GrainFactory.GetGrain<INgramRankGrain>(NgramRankRequest.KeyOf(request));

    private ITrainingRunGrain Run(RunSummary run) => GrainFactory.GetGrain<ITrainingRunGrain>(run.Spec.RunId);
}
