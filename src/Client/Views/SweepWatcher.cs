namespace OrleansSweep.Client.Views;

/// <summary>
/// Polls a coordinator until its sweep finishes, with a progress bar per run for people; stops with
/// <see cref="SweepPausedException"/> when the sweep is (or becomes) paused, and with one sentence when no sweep has its id.
/// </summary>
public static class SweepWatcher
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Until every run finished, every probe measurement queued was made and the n-gram estimate is in.</summary>
    public static async Task WatchAsync(IAnsiConsole console, ISweepCoordinatorGrain coordinator, bool quiet, CancellationToken cancellation)
    {
        await WatchRunsAsync(console, coordinator, quiet, cancellation);
        var announced = false;
        while (await coordinator.GetResultsAsync() is { IsFinished: false } results)
        {
            if (!quiet && !announced)
                console.MarkupLine(results.ProbesPending > 0
                    ? $"Runs finished; waiting for {results.ProbesPending} probe measurements."
                    : "Runs finished; waiting for the n-gram rank estimate of the corpus.");
            announced = true;
            await Task.Delay(Interval, cancellation);
        }
    }

    private static async Task<SweepStatus> WatchRunsAsync(IAnsiConsole console, ISweepCoordinatorGrain coordinator, bool quiet, CancellationToken cancellation)
    {
        var status = await coordinator.GetStatusAsync()
                     ?? throw new ArgumentException($"no sweep has the id '{coordinator.GetPrimaryKeyString()}'.");
        if (quiet || !console.Profile.Capabilities.Interactive)
        {
            while (!Done(status))
            {
                await Task.Delay(Interval, cancellation);
                status = (await coordinator.GetStatusAsync())!;
            }
            return status;
        }
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = status.Runs.ToDictionary(r => r.Spec.RunId, r => context.AddTask(Label(r), maxValue: r.Spec.Training.Steps));
                while (true)
                {
                    foreach (var run in status.Runs)
                    {
                        var task = tasks[run.Spec.RunId];
                        task.Value = run.Step;
                        task.Description = Label(run);
                        if (run.IsFinished) task.StopTask();
                    }
                    if (Done(status)) break;
                    await Task.Delay(Interval, cancellation);
                    status = (await coordinator.GetStatusAsync())!;
                }
            });
        return status;
    }

    private static bool Done(SweepStatus status)
    {
        if (status.IsFinished) return true;
        if (status.Phase == SweepPhase.Paused) throw new SweepPausedException(status.SweepId);
        return false;
    }

    private static string Label(RunSummary run) =>
        $"d={run.Spec.Model.DModel,-4} L={run.Spec.Model.Layers} seed={run.Spec.Training.Seed} " +
        (run.FinalEvalLoss is { } loss ? $"eval {loss:F3}" : "eval -    ") + (run.State == RunState.Pending ? " (pending)" : "");
}
