namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>pause, resume, cancel and max_concurrent of a sweep that is training.</summary>
[Collection(SweepClusterCollection.Name)]
public sealed class SweepControlTests(SweepClusterFixture fixture)
{
    private const int TestTimeoutMs = 120_000;
    private const int LongSteps = 100_000;
    private static readonly TimeSpan SweepPatience = TimeSpan.FromSeconds(90);

    [Fact(Timeout = TestTimeoutMs)]
    public async Task APausedRunStopsAtACheckpointOfItsStepAndResumedEndsAsIfNeverPaused()
    {
        var cancellation = TestContext.Current.CancellationToken;
        const int steps = 600;
        var spec = TinySweeps.Create("pausable", steps, [], maxConcurrent: 1);
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);
        await coordinator.LaunchAsync(spec);
        await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.Runs[0].Step >= 30, SweepPatience, cancellation);

        var paused = await coordinator.PauseAsync();

        var run = paused.Runs[0];
        Assert.Equal(SweepPhase.Paused, paused.Phase);
        Assert.Equal(RunState.Paused, run.State);
        Assert.InRange(run.Step, 30, steps - 1);
        // The pause wrote a checkpoint of the very step it stopped at, so resuming redoes nothing.
        Assert.EndsWith(Compute.Training.CheckpointFile.Name(run.Step), run.CheckpointPath);
        var grain = fixture.Client.GetGrain<ITrainingRunGrain>(run.Spec.RunId);
        Assert.Equal(run.Step, (await grain.GetSummaryAsync())!.Step);

        var resumed = await coordinator.ResumeAsync();
        Assert.Equal(SweepPhase.Active, resumed.Phase);
        Assert.Equal(RunState.Running, resumed.Runs[0].State);
        var done = await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation);
        var reference = fixture.Client.GetGrain<ISweepCoordinatorGrain>("never-paused");
        await reference.LaunchAsync(spec with { Name = "never-paused" });
        var expected = await Eventually.UntilAsync(async () => (await reference.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation);

        var final = done.Runs[0];
        Assert.Equal(RunState.Completed, final.State);
        Assert.Equal(run.Step, Assert.Single(final.Resumes).FromStep);
        var trainLoss = await grain.GetSeriesAsync(MetricNames.TrainLoss);
        Assert.Equal(Enumerable.Range(1, steps / 10).Select(i => i * 10), trainLoss.Steps);
        var referenceGrain = fixture.Client.GetGrain<ITrainingRunGrain>(expected.Runs[0].Spec.RunId);
        Assert.Equal((await referenceGrain.GetSeriesAsync(MetricNames.TrainLoss)).Values, trainLoss.Values);
        Assert.Equal((await referenceGrain.GetSeriesAsync(MetricNames.EvalLoss)).Values, (await grain.GetSeriesAsync(MetricNames.EvalLoss)).Values);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task CancelStopsEveryUnfinishedRunForGoodAndRelaunchingChangesNothing()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = TinySweeps.Create("cancelled", LongSteps, [new GridAxis("seed", [1, 2, 3])], maxConcurrent: 1);
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);
        await coordinator.LaunchAsync(spec);
        await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.Runs[0].Step >= 20, SweepPatience, cancellation);

        var cancelled = await coordinator.CancelAsync();

        Assert.Equal(SweepPhase.Cancelled, cancelled.Phase);
        Assert.All(cancelled.Runs, r => Assert.Equal(RunState.Cancelled, r.State));
        Assert.True(cancelled.IsFinished);
        var trained = cancelled.Runs[0];
        Assert.InRange(trained.Step, 20, LongSteps - 1);
        Assert.Equal(RunState.Cancelled, (await fixture.Client.GetGrain<ITrainingRunGrain>(trained.Spec.RunId).GetSummaryAsync())!.State);
        var refused = await Assert.ThrowsAnyAsync<ArgumentException>(() => coordinator.ResumeAsync());
        Assert.Contains("cancelled", refused.Message);
        var relaunched = await coordinator.LaunchAsync(spec);
        Assert.Equal(cancelled.Runs.Select(r => (r.Spec.RunId, r.State)), relaunched.Runs.Select(r => (r.Spec.RunId, r.State)));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task RaisingMaxConcurrentStartsRunsAndLoweringItPausesTheLastStartedUntilThereIsRoom()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = TinySweeps.Create("widening", LongSteps, [new GridAxis("seed", [1, 2, 3])], maxConcurrent: 1);
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);
        try
        {
            var launched = await coordinator.LaunchAsync(spec);
            Assert.Equal((1, 2), (launched.Count(RunState.Running), launched.Count(RunState.Pending)));

            var widened = await coordinator.SetMaxConcurrentAsync(3);

            Assert.Equal(3, widened.MaxConcurrent);
            Assert.Equal(3, widened.Count(RunState.Running));
            // Trained a little, so the pause below has a step to checkpoint (a run paused before its first step has none).
            await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.Runs.All(r => r.Step >= 20), SweepPatience, cancellation);
            var relaunched = await coordinator.LaunchAsync(spec with { MaxConcurrent = 2 });
            Assert.Equal(2, relaunched.MaxConcurrent);
            Assert.Equal(launched.Runs.Select(r => r.Spec.RunId), relaunched.Runs.Select(r => r.Spec.RunId));
            // Lowered: the last-started run stops at a checkpoint of its step and waits; it goes first when capacity frees.
            Assert.Equal([RunState.Running, RunState.Running, RunState.Paused], relaunched.Runs.Select(r => r.State));
            var third = relaunched.Runs[2];
            Assert.EndsWith(Compute.Training.CheckpointFile.Name(third.Step), third.CheckpointPath);
            var narrowed = await coordinator.SetMaxConcurrentAsync(1);
            Assert.Equal([RunState.Running, RunState.Paused, RunState.Paused], narrowed.Runs.Select(r => r.State));
            var reopened = await coordinator.SetMaxConcurrentAsync(2);
            Assert.Equal([RunState.Running, RunState.Running, RunState.Paused], reopened.Runs.Select(r => r.State));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => coordinator.SetMaxConcurrentAsync(0));
        }
        finally
        {
            await coordinator.CancelAsync();
        }
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task RelaunchingTheOriginalSpecAfterMaxConcurrentRestoresItsCapacity()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = TinySweeps.Create("restored", steps: 50, [new GridAxis("seed", [1, 2, 3])], maxConcurrent: 2);
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);
        await coordinator.LaunchAsync(spec);

        var widened = await coordinator.SetMaxConcurrentAsync(3);
        Assert.Equal((3, 3), (widened.MaxConcurrent, widened.Spec.MaxConcurrent));
        Assert.Equal(0, widened.Count(RunState.Pending));

        // The stored spec now says 3, so the spec as launched differs from it in max_concurrent alone: its 2 is in force again.
        var relaunched = await coordinator.LaunchAsync(spec);
        Assert.Equal((2, 2), (relaunched.MaxConcurrent, relaunched.Spec.MaxConcurrent));
        Assert.Equal(widened.Runs.Select(r => r.Spec.RunId), relaunched.Runs.Select(r => r.Spec.RunId));
        Assert.InRange(relaunched.Count(RunState.Running), 0, 2);
        var again = (await coordinator.GetStatusAsync())!;
        Assert.Equal((2, 2), (again.MaxConcurrent, again.Spec.MaxConcurrent));
        var mostRunning = again.Count(RunState.Running);
        var done = await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation,
            observe: s => mostRunning = Math.Max(mostRunning, s.Count(RunState.Running)));
        Assert.InRange(mostRunning, 0, 2);
        Assert.All(done.Runs, r => Assert.Equal(RunState.Completed, r.State));
    }
}
