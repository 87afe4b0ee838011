using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// One sweep: expands its spec into run rows (stored in bounded shards, <see cref="SweepRows"/>), starts them within
/// max_concurrent (<see cref="SweepRunner"/>), and answers from what it derives from the rows (<see cref="SweepReader"/>)
/// without asking any run. The rules are <see cref="SweepProgress"/>'s; this grain sequences the calls and stores the state.
/// While the sweep is active and unfinished a durable reminder wakes it, so a restarted cluster picks it up by itself.
/// </summary>
public sealed class SweepCoordinatorGrain(
    [PersistentState("sweep")] IPersistentState<SweepState> state,
    CorpusCatalog corpora,
    IOptions<FailoverOptions> failover,
    ILogger<SweepCoordinatorGrain> logger) : Grain, ISweepCoordinatorGrain, IRemindable
{
    private readonly SweepChanges _changes = new();

    private string Id => this.GetPrimaryKeyString();
    private SweepProgress Progress => new(state.State, Id); // made anew: reading the stored state replaces state.State
    private SweepRows Rows => field ??= new(GrainFactory, Id, Progress.Spec);
    private SweepRunner Runner => field ??= new(Rows, GrainFactory);
    private SweepSearch Search => field ??= new(Progress.Spec, Rows, GrainFactory);
    private SweepReader Reader => new(Progress, Rows, GrainFactory);
    private DurableReminder Reminder => field ??= new(this, "keep-sweeping", failover.Value.ReminderPeriod, logger);

    /// <summary>Validates the spec, stores its runs as pending rows, and starts the first of them; a relaunch may change capacity or run_cap.</summary>
    public async Task<SweepStatus> LaunchAsync(SweepSpec spec)
    {
        if (spec.Name != Id) throw new ArgumentException($"name '{spec.Name}' differs from the sweep id '{Id}'.");
        SweepExpander.Validate(spec);
        var isNew = !Progress.Exists;
        if (isNew)
        {
            CorpusCatalog.CheckContexts(spec);
            var (description, optimal) = corpora.Describe(spec.Corpus);
            Progress.Launch(spec, description, optimal);
        }
        else if (!Progress.Relaunch(spec)) return await Reader.StatusAsync(new StatusQuery());
        await state.WriteStateAsync();
        if (isNew) await GrainFactory.GetGrain<ISweepRegistryGrain>(0).AddAsync(Id);
        await CreateRowsAsync();
        logger.LogInformation("Sweep {Sweep} launched with {Runs} runs planned", spec.Name, Progress.Planned);
        await StartNgramEstimateAsync();
        if (state.State.Phase == SweepPhase.Active) await Runner.PauseAsync(keep: spec.MaxConcurrent);
        await KeepGoingAsync();
        return await ChangedAsync();
    }

    /// <summary>Pauses every running run; pending ones wait.</summary>
    public Task<SweepStatus> PauseAsync() => EnterAsync(SweepPhase.Paused, () => Runner.PauseAsync());

    /// <summary>Resumes paused runs, then fills capacity.</summary>
    public Task<SweepStatus> ResumeAsync() => EnterAsync(SweepPhase.Active, () => Task.CompletedTask);

    /// <summary>Cancels every unfinished run.</summary>
    public Task<SweepStatus> CancelAsync() => EnterAsync(SweepPhase.Cancelled, Runner.CancelAsync);

    /// <summary>Stores the new capacity; above the runs training, starts more; below, pauses the last ones (they resume first).</summary>
    public async Task<SweepStatus> SetMaxConcurrentAsync(int maxConcurrent)
    {
        Progress.SetMaxConcurrent(maxConcurrent);
        await state.WriteStateAsync();
        if (state.State.Phase == SweepPhase.Active) await Runner.PauseAsync(keep: maxConcurrent);
        await KeepGoingAsync();
        return await ChangedAsync();
    }

    /// <summary>Reruns the failed or stopped runs from their last good checkpoint, within capacity.</summary>
    public async Task<SweepStatus> RetryAsync(IReadOnlyList<RunState> states)
    {
        Progress.CheckRetry(states);
        // Paused rows start first; their grains, Failed or Stopped, are retried rather than resumed (SweepRunner.StartAsync).
        foreach (var s in states)
            foreach (var row in await Rows.AllAsync(s)) await Rows.SetAsync(row with { State = RunState.Paused });
        await KeepGoingAsync();
        return await ChangedAsync();
    }

    /// <summary>Records a run's latest summary; a run past a rung may be stopped; a finished run lets the next one start.</summary>
    public async Task ReportAsync(RunSummary summary)
    {
        if (!Progress.Exists || summary.Spec.Index >= state.State.Created) return;
        var change = await Rows.ReportAsync(summary);
        if (await Search.JudgeAsync(change) is { } stopped) change = await Rows.ReportAsync(stopped);
        _changes.Signal();
        if (change.Current.State != change.Previous?.State && change.Current.State.IsFinished()) await KeepGoingAsync();
    }

    public async Task<SweepStatus?> GetStatusAsync(StatusQuery query) => Progress.Exists ? await Reader.StatusAsync(query) : null;

    public async Task<SweepResults?> GetResultsAsync(ResultsQuery query) => Progress.Exists ? await Reader.ResultsAsync(query) : null;

    public async Task<SweepReport?> GetReportAsync() => Progress.Exists ? await Reader.ReportAsync() : null;

    /// <summary>Returns once the sweep's version differs from <paramref name="version"/>, or after the wait.</summary>
    public async Task<long> WaitForChangeAsync(long version, TimeSpan wait)
    {
        if (!Progress.Exists) return version;
        if (Rows.Index.Version == version) await _changes.WaitAsync(wait);
        return Rows.Index.Version;
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
        Search.Load(await Rows.LoadAsync(state.State.Created));
        await CreateRowsAsync();
        await StartNgramEstimateAsync();
        await KeepGoingAsync();
    }

    private async Task<SweepStatus> EnterAsync(SweepPhase phase, Func<Task> stopRuns)
    {
        Progress.Enter(phase);
        await state.WriteStateAsync();
        await stopRuns();
        await KeepGoingAsync();
        return await ChangedAsync();
    }

    // A grid's or random search's rows, all at once (and the rest after a crash cut a launch short, or a larger run_cap).
    private async Task CreateRowsAsync()
    {
        var (created, planned) = (state.State.Created, Progress.Planned);
        if (Progress.Spec.Method == "bayes" || created >= planned) return;
        await Rows.AddAsync(SweepExpander.Points(Progress.Spec).Take(planned).Select((point, index) => new RunRow { Index = index, Point = point }).Skip(created));
        state.State.Created = planned;
        await state.WriteStateAsync();
    }

    // Keeps the reminder while anything is left to do; while active, wakes the runs that were training and fills capacity:
    // paused runs first (they hold trained steps), then pending ones in sweep order, then a bayes search's next proposal.
    private async Task KeepGoingAsync()
    {
        if (state.State.Phase != SweepPhase.Active || Rows.Index.Counts.Finished >= Progress.Planned)
        {
            await Reminder.ForgetAsync();
            return;
        }
        await Reminder.KeepAsync();
        await Runner.WakeAsync();
        while (Progress.MayStart(Rows.Index.Counts.Running) && await NextAsync() is { } row) await Runner.StartAsync(row);
        _changes.Signal();
    }

    private async Task<RunRow?> NextAsync()
    {
        foreach (var waiting in new[] { RunState.Paused, RunState.Pending })
            if (Rows.Index.Counts.Of(waiting) > 0) return (await Rows.PageAsync(waiting, 0, 1))[0];
        if (Progress.Spec.Method != "bayes" || state.State.Created >= Progress.Planned) return null;
        var proposed = Search.Propose(state.State.Created);
        await Rows.AddAsync([proposed]);
        state.State.Created++;
        await state.WriteStateAsync();
        return proposed;
    }

    private async Task<SweepStatus> ChangedAsync()
    {
        Rows.Index.Touch();
        _changes.Signal();
        return await Reader.StatusAsync(new StatusQuery());
    }

    // The estimate grain computes once per (corpus, order, min_count) and keeps it, so every sweep of one corpus shares it.
    private async Task StartNgramEstimateAsync()
    {
        if (Progress.NgramRequest() is { } request) await GrainFactory.GetGrain<INgramRankGrain>(NgramRankRequest.KeyOf(request)).StartAsync(request);
    }
}
