namespace OrleansSweep.Client.Views;

/// <summary>
/// Follows a coordinator until its sweep finishes, with a progress bar per run for people (one bar for the whole sweep when it
/// has more runs than a screen holds); stops with <see cref="SweepPausedException"/> when the sweep is (or becomes) paused, and
/// with one sentence when no sweep has its id.
/// </summary>
/// <remarks>
/// It reads the sweep again when the coordinator's long poll (<see cref="ISweepCoordinatorGrain.WaitForChangeAsync"/>) says it
/// changed, not on a timer: a watcher of an idle sweep costs one call per <see cref="LongestPoll"/>.
/// </remarks>
public static class SweepWatcher
{
    /// <summary>Above this many runs, one bar for the sweep instead of one per run.</summary>
    public const int MostBars = 30;

    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(15);
    // Probe measurements and the n-gram estimate finish without moving the sweep's version.
    private static readonly TimeSpan AnalysisPoll = TimeSpan.FromSeconds(1);
    private static readonly StatusQuery FirstRuns = new() { PageSize = MostBars };

    /// <summary>
    /// Until every run finished, every probe measurement queued was made and the n-gram estimate is in. Each wait stays below
    /// half of <paramref name="callTimeout"/> (default: Orleans' 30 s), so a long poll is never taken for a silent cluster.
    /// </summary>
    public static async Task WatchAsync(IAnsiConsole console, ISweepCoordinatorGrain coordinator, bool quiet, CancellationToken cancellation,
        TimeSpan? callTimeout = null)
    {
        var poll = (callTimeout ?? TimeSpan.FromSeconds(30)) / 2;
        if (poll > LongestPoll) poll = LongestPoll;
        await WatchRunsAsync(console, coordinator, quiet, poll, cancellation);
        var announced = false;
        while (await coordinator.GetResultsAsync() is { IsFinished: false } results)
        {
            if (!quiet && !announced)
                console.MarkupLine(results.ProbesPending > 0
                    ? $"Runs finished; waiting for {results.ProbesPending} probe measurements."
                    : "Runs finished; waiting for the n-gram rank estimate of the corpus.");
            announced = true;
            await coordinator.WaitForChangeAsync(results.Version, poll < AnalysisPoll ? poll : AnalysisPoll).WaitAsync(cancellation);
        }
    }

    private static async Task WatchRunsAsync(IAnsiConsole console, ISweepCoordinatorGrain coordinator, bool quiet, TimeSpan poll, CancellationToken cancellation)
    {
        var status = await coordinator.GetStatusAsync(FirstRuns)
                     ?? throw new ArgumentException($"no sweep has the id '{coordinator.GetPrimaryKeyString()}'.");
        if (quiet || !console.Profile.Capabilities.Interactive)
        {
            while (!Done(status)) status = await NextAsync(coordinator, status, poll, cancellation);
            return;
        }
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bars = new Dictionary<string, ProgressTask>();
                while (true)
                {
                    Draw(context, bars, status);
                    if (Done(status)) break;
                    status = await NextAsync(coordinator, status, poll, cancellation);
                }
            });
    }

    // Returns as soon as the sweep changes (a run's report, a phase, a capacity); unchanged, it reads one page again after the
    // wait all the same, so a coordinator that restarted meanwhile (and lost its waiters) is read within one wait.
    private static async Task<SweepStatus> NextAsync(ISweepCoordinatorGrain coordinator, SweepStatus status, TimeSpan poll, CancellationToken cancellation)
    {
        await coordinator.WaitForChangeAsync(status.Version, poll).WaitAsync(cancellation);
        return await coordinator.GetStatusAsync(FirstRuns)
               ?? throw new ArgumentException($"no sweep has the id '{status.SweepId}'.");
    }

    private static void Draw(ProgressContext context, Dictionary<string, ProgressTask> bars, SweepStatus status)
    {
        if (status.Planned > MostBars)
        {
            var sweep = bars.TryGetValue("", out var bar) ? bar : bars[""] = context.AddTask("", maxValue: status.Planned);
            sweep.MaxValue = status.Planned;
            sweep.Value = status.Counts.Finished;
            sweep.Description = Markup.Escape($"{status.SweepId}: {StatusTable.Counts(status.Counts)}");
            if (status.IsFinished) sweep.StopTask();
            return;
        }
        // A search that proposes runs as results come in (bayes) adds them while it is watched.
        foreach (var run in status.Runs)
        {
            if (!bars.TryGetValue(run.Spec.RunId, out var task))
                bars[run.Spec.RunId] = task = context.AddTask(Label(run), maxValue: run.Spec.Training.Steps);
            task.Value = run.Step;
            task.Description = Label(run);
            if (run.IsFinished) task.StopTask();
        }
    }

    private static bool Done(SweepStatus status)
    {
        if (status.IsFinished) return true;
        if (status.Phase == SweepPhase.Paused) throw new SweepPausedException(status.SweepId);
        return false;
    }

    private static string Label(RunSummary run) =>
        $"d={run.Spec.Model.DModel,-4} L={run.Spec.Model.Layers} seed={run.Spec.Training.Seed} " +
        (run.FinalEvalLoss is { } loss ? $"eval {loss:F3}" : "eval -    ") +
        run.State switch
        {
            RunState.Pending => " (pending)",
            RunState.Stopped => $" (stopped at {run.StoppedAtStep})",
            _ => "",
        };
}
