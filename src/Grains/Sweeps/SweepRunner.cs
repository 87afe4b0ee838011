namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// A coordinator's calls to its run grains: start (or retry), pause, cancel and wake, each followed by storing what the run
/// answered in its row. Which rows and when is the coordinator's to decide.
/// </summary>
public sealed class SweepRunner(SweepRows rows, IGrainFactory grains)
{
    /// <summary>
    /// Marks the row running, then starts its run: a run that failed or was stopped early is retried from its checkpoint,
    /// any other starts, or resumes from where it paused.
    /// </summary>
    public async Task StartAsync(RunRow row)
    {
        await rows.SetAsync(row with { State = RunState.Running });
        var spec = rows.Summary(row).Spec;
        var run = grains.GetGrain<ITrainingRunGrain>(spec.RunId);
        await rows.ReportAsync(row.Summary is { State: RunState.Failed or RunState.Stopped } ? await run.RetryAsync() : await run.StartAsync(spec));
    }

    /// <summary>Asks every running run to train (idempotent: a run whose silo died trains again).</summary>
    public async Task WakeAsync()
    {
        foreach (var row in await rows.AllAsync(RunState.Running)) await rows.ReportAsync(await Run(row).StartAsync(rows.Summary(row).Spec));
    }

    /// <summary>Pauses the running runs after the first <paramref name="keep"/> in sweep order, each at a checkpoint of its step.</summary>
    public async Task PauseAsync(int keep = 0)
    {
        foreach (var row in (await rows.AllAsync(RunState.Running)).Skip(keep)) await rows.ReportAsync(await Run(row).PauseAsync());
    }

    /// <summary>Cancels every unfinished run: pending rows in their shards, running and paused runs through their grains.</summary>
    public async Task CancelAsync()
    {
        await rows.CancelPendingAsync();
        foreach (var unfinished in new[] { RunState.Running, RunState.Paused })
            foreach (var row in await rows.AllAsync(unfinished)) await rows.ReportAsync(await Run(row).CancelAsync());
    }

    private ITrainingRunGrain Run(RunRow row) => grains.GetGrain<ITrainingRunGrain>(rows.Summary(row).Spec.RunId);
}
