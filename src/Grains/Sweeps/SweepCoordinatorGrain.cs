using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// One sweep: expands its spec into run rows (stored in bounded shards, <see cref="SweepRows"/>), starts them within
/// max_concurrent, and answers status and results from what it derives from the rows (<see cref="SweepIndex"/>) without asking
/// any run. While the sweep is active and unfinished a durable reminder wakes it, so a restarted cluster picks it up by itself.
/// </summary>
public sealed class SweepCoordinatorGrain(
    [PersistentState("sweep")] IPersistentState<SweepState> state,
    CorpusCatalog corpora,
    IOptions<FailoverOptions> failover,
    ILogger<SweepCoordinatorGrain> logger) : Grain, ISweepCoordinatorGrain, IRemindable
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(20);
    private SweepRows? _rows;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private string Id => this.GetPrimaryKeyString();
    private SweepProgress Progress => new(state.State, Id); // made anew: reading the stored state replaces state.State
    private SweepRows Rows => _rows ??= new SweepRows(GrainFactory, Id, Progress.Spec);
    private DurableReminder Reminder => field ??= new(this, "keep-sweeping", failover.Value.ReminderPeriod, logger);
    private SweepSearch Search => field ??= new SweepSearch(Progress.Spec, Rows, GrainFactory);

    /// <summary>Validates the spec, stores its runs as pending rows, and starts the first of them.</summary>
    public async Task<SweepStatus> LaunchAsync(SweepSpec spec)
    {
        if (spec.Name != Id) throw new ArgumentException($"name '{spec.Name}' differs from the sweep id '{Id}'.");
        SweepExpander.Validate(spec);
        if (Progress.Exists)
        {
            if (!Progress.Relaunch(spec)) return (await GetStatusAsync(new StatusQuery()))!;
            await state.WriteStateAsync();
            await CreateRowsAsync();
            await PauseExcessAsync();
        }
        else
        {
            CorpusCatalog.CheckContexts(spec);
            var (description, optimal) = corpora.Describe(spec.Corpus);
            Progress.Launch(spec, description, optimal);
            await state.WriteStateAsync();
            await CreateRowsAsync();
            await GrainFactory.GetGrain<ISweepRegistryGrain>(0).AddAsync(Id);
            logger.LogInformation("Sweep {Sweep} launched with {Runs} runs", spec.Name, Progress.Planned);
            await StartNgramEstimateAsync();
        }
        await KeepGoingAsync();
        return (await GetStatusAsync(new StatusQuery()))!;
    }

    /// <summary>Pauses every running run; pending ones wait.</summary>
    public async Task<SweepStatus> PauseAsync()
    {
        Progress.Enter(SweepPhase.Paused);
        await state.WriteStateAsync();
        foreach (var row in await Rows.AllAsync(RunState.Running)) await Rows.ReportAsync(await Run(row).PauseAsync());
        await Reminder.ForgetAsync();
        return await ChangedAsync();
    }

    /// <summary>Resumes paused runs, then fills capacity.</summary>
    public async Task<SweepStatus> ResumeAsync()
    {
        Progress.Enter(SweepPhase.Active);
        await state.WriteStateAsync();
        await KeepGoingAsync();
        return await ChangedAsync();
    }

    /// <summary>Cancels every unfinished run.</summary>
    public async Task<SweepStatus> CancelAsync()
    {
        Progress.Enter(SweepPhase.Cancelled);
        await state.WriteStateAsync();
        await Rows.CancelPendingAsync();
        foreach (var unfinished in new[] { RunState.Running, RunState.Paused })
            foreach (var row in await Rows.AllAsync(unfinished)) await Rows.ReportAsync(await Run(row).CancelAsync());
        await Reminder.ForgetAsync();
        return await ChangedAsync();
    }

    /// <summary>Stores the new capacity; above the runs training, starts more; below, pauses the last ones (they resume first).</summary>
    public async Task<SweepStatus> SetMaxConcurrentAsync(int maxConcurrent)
    {
        Progress.SetMaxConcurrent(maxConcurrent);
        await state.WriteStateAsync();
        await PauseExcessAsync();
        await FillCapacityAsync();
        return await ChangedAsync();
    }

    /// <summary>Reruns the failed or stopped runs from their last good checkpoint, within capacity.</summary>
    public async Task<SweepStatus> RetryAsync(IReadOnlyList<RunState> states)
    {
        if (states.Contains(RunState.Diverged))
            throw new ArgumentException("diverged runs are not retried: with the same seed and batches they would diverge again; launch them with another seed.");
        if (states.Where(s => s is not (RunState.Failed or RunState.Stopped)).Select(s => (RunState?)s).FirstOrDefault() is { } other)
            throw new ArgumentException($"--state takes failed or stopped, not {other.ToString().ToLowerInvariant()}.");
        if (state.State.Phase == SweepPhase.Cancelled)
            throw new ArgumentException($"sweep '{Id}' was cancelled; launch its spec under another name to train it again.");
        // Paused rows start first; their grains, Failed or Stopped, are retried rather than resumed.
        foreach (var s in states)
            foreach (var row in await Rows.AllAsync(s)) await Rows.SetAsync(row with { State = RunState.Paused });
        await KeepGoingAsync();
        return await ChangedAsync();
    }

    /// <summary>Records a run's latest summary; a finished run lets the next one start; a run at a rung may be stopped.</summary>
    public async Task ReportAsync(RunSummary summary)
    {
        if (!Progress.Exists || summary.Spec.Index >= state.State.Created) return;
        var change = await Rows.ReportAsync(summary);
        Signal();
        if (await Search.JudgeAsync(change) is { } stopped) change = await Rows.ReportAsync(stopped);
        if (change.Current.State != change.Previous?.State && change.Current.Summary is { IsFinished: true }) await KeepGoingAsync();
    }

    /// <summary>Counts and one page of runs.</summary>
    public async Task<SweepStatus?> GetStatusAsync(StatusQuery query)
    {
        if (!Progress.Exists) return null;
        if (query.Page < 1) throw new ArgumentException($"--page must be at least 1, got {query.Page}.");
        if (query.PageSize is < 1 or > StatusQuery.MaxPageSize)
            throw new ArgumentException($"--page-size must be between 1 and {StatusQuery.MaxPageSize}, got {query.PageSize}.");
        var page = await Rows.PageAsync(query.State, (int)Math.Min(int.MaxValue, (long)(query.Page - 1) * query.PageSize), query.PageSize);
        return Progress.Status(Rows.Index, page.Select(Rows.Summary).ToList(), query);
    }

    /// <summary>Groups, the best runs and the fits.</summary>
    public async Task<SweepResults?> GetResultsAsync(ResultsQuery query)
    {
        if (!Progress.Exists) return null;
        if (query.Top is < 0 or > ResultsQuery.MaxRows) throw new ArgumentException($"--top must be between 0 and {ResultsQuery.MaxRows}, got {query.Top}.");
        if (query.GroupPage < 1) throw new ArgumentException($"--group-page must be at least 1, got {query.GroupPage}.");
        var top = (await Rows.GetAsync(Rows.Index.Top(query.Top))).Select(Rows.Summary).ToList();
        var observed = await Task.WhenAll(top.Select(r => RunSeriesReader.ObserveAsync(GrainFactory, r)));
        return await ResultsAsync(observed, query);
    }

    /// <summary>The results with every run's series, for a report.</summary>
    public async Task<SweepReport?> GetReportAsync()
    {
        if (!Progress.Exists) return null;
        // Ranked as the results are, then the runs with no value of the metric yet.
        var ranked = Rows.Index.Top(int.MaxValue);
        var all = await Rows.PageAsync(null, 0, Rows.Index.Counts.Total);
        var runs = (await Rows.GetAsync(ranked)).Concat(all.ExceptBy(ranked, r => r.Index)).Select(Rows.Summary).ToList();
        var series = await Task.WhenAll(runs.Select(r => RunSeriesReader.ReadAsync(GrainFactory, r)));
        var results = await ResultsAsync(runs.Zip(series, RunSeriesReader.Observe).ToList(), new ResultsQuery { Top = runs.Count });
        return new SweepReport { Results = results, Runs = series };
    }

    /// <summary>Returns once the sweep's version differs from <paramref name="version"/>, or after the wait.</summary>
    public async Task<long> WaitForChangeAsync(long version, TimeSpan wait)
    {
        if (!Progress.Exists || Rows.Index.Version != version) return Progress.Exists ? Rows.Index.Version : version;
        await _changed.Task.WaitAsync(wait < LongestWait ? wait : LongestWait).ContinueWith(_ => { });
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
        await ActivateRowsAsync();
        await StartNgramEstimateAsync();
        if (state.State.Phase == SweepPhase.Active) await KeepGoingAsync();
    }

    private async Task ActivateRowsAsync()
    {
        Search.Load(await Rows.LoadAsync(state.State.Created));
        await CreateRowsAsync();
    }

    // Beyond max_concurrent, the last runs in sweep order stop at a checkpoint and wait; they go first when room frees.
    private async Task PauseExcessAsync()
    {
        if (state.State.Phase != SweepPhase.Active) return;
        foreach (var row in (await Rows.AllAsync(RunState.Running)).Skip(Progress.Spec.MaxConcurrent)) await Rows.ReportAsync(await Run(row).PauseAsync());
    }

    // A grid's or random search's rows, all at once (and the rest after a crash cut a launch short, or a larger run_cap).
    private async Task CreateRowsAsync()
    {
        if (Progress.Spec.Method == "bayes" || state.State.Created >= Progress.Planned) return;
        var points = SweepExpander.Points(Progress.Spec).Take(Progress.Planned).Select((point, index) => new RunRow { Index = index, Point = point });
        await Rows.AddAsync(points.Skip(state.State.Created));
        state.State.Created = Progress.Planned;
        await state.WriteStateAsync();
    }

    // Wakes the runs that were training (StartAsync is idempotent and resumes them), tops up, and keeps the reminder while
    // anything is left to do.
    private async Task KeepGoingAsync()
    {
        if (Rows.Index.Counts.Finished >= Progress.Planned)
        {
            await Reminder.ForgetAsync();
            return;
        }
        await Reminder.KeepAsync();
        if (state.State.Phase != SweepPhase.Active) return;
        foreach (var row in await Rows.AllAsync(RunState.Running)) await Rows.ReportAsync(await Run(row).StartAsync(Rows.Summary(row).Spec));
        await FillCapacityAsync();
    }

    private async Task FillCapacityAsync()
    {
        while (Progress.MayStart(Rows.Index.Counts.Running) && await NextAsync() is { } row)
        {
            await Rows.SetAsync(row with { State = RunState.Running });
            var summary = row.Summary is { State: RunState.Failed or RunState.Stopped } ? await Run(row).RetryAsync() : await Run(row).StartAsync(Rows.Summary(row).Spec);
            await Rows.ReportAsync(summary);
        }
        Signal();
    }

    // Paused runs first (they hold trained steps), then pending ones in sweep order, then a bayes search's next proposal.
    private async Task<RunRow?> NextAsync()
    {
        foreach (var waiting in new[] { RunState.Paused, RunState.Pending })
            if (Rows.Index.Counts.Of(waiting) > 0) return (await Rows.PageAsync(waiting, 0, 1))[0];
        if (Progress.Spec.Method != "bayes" || state.State.Created >= Progress.Planned) return null;
        var proposed = Search.Propose(state.State.Created);
        await Rows.AddAsync(new[] { proposed });
        state.State.Created++;
        await state.WriteStateAsync();
        return (await Rows.GetAsync([proposed.Index]))[0];
    }

    private async Task<SweepResults> ResultsAsync(IReadOnlyList<RunObservations> runs, ResultsQuery query)
    {
        var request = Progress.NgramRequest();
        var ngram = request is null ? null : await NgramGrain(request).GetAsync();
        var status = Progress.Status(Rows.Index, [], new StatusQuery());
        return SweepAggregation.Results(status, runs, Rows.Index.Groups(query.GroupPage, query.GroupPageSize), Rows.Index.GroupCount, ngram,
            ngramPending: request is not null && ngram is null);
    }

    private async Task<SweepStatus> ChangedAsync()
    {
        Rows.Index.Touch();
        Signal();
        return (await GetStatusAsync(new StatusQuery()))!;
    }

    // Wakes every long poll waiting for a change.
    private void Signal() => Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private async Task StartNgramEstimateAsync()
    {
        if (Progress.NgramRequest() is { } request) await NgramGrain(request).StartAsync(request);
    }

    private INgramRankGrain NgramGrain(NgramRankRequest request) => GrainFactory.GetGrain<INgramRankGrain>(NgramRankRequest.KeyOf(request));

    private ITrainingRunGrain Run(RunRow row) => GrainFactory.GetGrain<ITrainingRunGrain>(Rows.Summary(row).Spec.RunId);
}
