using OrleansSweep.Grains.Tests.Storage;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>Tests that own their cluster: they stop it while a run trains, or restart it on the same data.</summary>
[Collection(SweepClusterCollection.Name)]
public sealed class SweepLifetimeTests : IDisposable
{
    private const int TestTimeoutMs = 120_000;
    private static readonly TimeSpan AnswerPatience = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SweepPatience = TimeSpan.FromSeconds(90);
    private readonly TemporaryDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact(Timeout = TestTimeoutMs)]
    public async Task CoordinatorAndRunAnswerWhileARunTrainsAndStoppingTheClusterCancelsIt()
    {
        var cancellation = TestContext.Current.CancellationToken;
        const int steps = 100_000;
        var spec = TinySweeps.Create("long", steps, [], maxConcurrent: 1);
        var cluster = await SweepTestCluster.StartAsync(data.Path, cancellation);
        try
        {
            var coordinator = cluster.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);
            var runId = Assert.Single((await coordinator.LaunchAsync(spec)).Runs).Spec.RunId;
            var run = cluster.Client.GetGrain<ITrainingRunGrain>(runId);

            // Each probe must answer within AnswerPatience, not just the whole wait: a grain blocked by training fails here.
            var status = await Eventually.UntilAsync(
                async () => (await coordinator.GetStatusAsync().WaitAsync(AnswerPatience, cancellation))!,
                s => s.Runs[0].Step is > 0 and < steps, SweepPatience, cancellation);
            var summary = await Eventually.UntilAsync(
                async () => (await run.GetSummaryAsync().WaitAsync(AnswerPatience, cancellation))!,
                s => s.Step > status.Runs[0].Step && s.Step < steps, SweepPatience, cancellation);

            Assert.Equal(RunState.Running, status.Runs[0].State);
            Assert.Equal(RunState.Running, summary.State);
            var trainLoss = await run.GetSeriesAsync(MetricNames.TrainLoss).WaitAsync(AnswerPatience, cancellation);
            Assert.NotEmpty(trainLoss.Steps);
        }
        finally
        {
            // Within Patience, or the test fails: stopping must cancel the 100 000-step run, not wait for it.
            await cluster.StopAsync(cancellation);
        }
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task FinishedRunsKeepTheirResultsAndSeriesAcrossAWholeClusterRestart()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = TinySweeps.Create("restart", steps: 60, [new GridAxis("d_model", [4, 8])]);
        SweepResults before;
        Dictionary<string, MetricSeries> seriesBefore = [];
        var first = await SweepTestCluster.StartAsync(data.Path, cancellation);
        try
        {
            var coordinator = first.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);
            await coordinator.LaunchAsync(spec);
            await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation);
            before = (await coordinator.GetResultsAsync())!;
            foreach (var run in before.Runs)
                seriesBefore[run.RunId] = await first.Client.GetGrain<ITrainingRunGrain>(run.RunId).GetSeriesAsync(MetricNames.EvalLoss);
        }
        finally
        {
            await first.StopAsync(cancellation);
        }

        var second = await SweepTestCluster.StartAsync(data.Path, cancellation);
        try
        {
            var after = (await second.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name).GetResultsAsync())!;
            Assert.True(after.IsFinished);
            Assert.Equal(before.Runs.Select(r => (r.RunId, r.State, r.FinalEvalLoss, r.BestEvalLoss, r.Gap)),
                after.Runs.Select(r => (r.RunId, r.State, r.FinalEvalLoss, r.BestEvalLoss, r.Gap)));
            Assert.All(after.Runs, r => Assert.Equal(RunState.Completed, r.State));
            foreach (var run in after.Runs)
            {
                var series = await second.Client.GetGrain<ITrainingRunGrain>(run.RunId).GetSeriesAsync(MetricNames.EvalLoss);
                var expected = seriesBefore[run.RunId];
                Assert.Equal(expected.Steps, series.Steps);
                Assert.Equal(expected.Values, series.Values);
                Assert.Equal([0, 20, 40, 60], series.Steps);
                Assert.Equal(series.Steps.Count, series.Values.Count);
                Assert.Equal(run.FinalEvalLoss, series.Values[^1]);
                Assert.Equal(run.BestEvalLoss, series.Values.Min());
            }
        }
        finally
        {
            await second.StopAsync(cancellation);
        }
    }

    [Theory(Timeout = TestTimeoutMs)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunStoppedMidwayResumesFromItsCheckpointAfterARestartAndEndsAsIfNeverStopped(bool corruptNewest)
    {
        var cancellation = TestContext.Current.CancellationToken;
        const int steps = 2000;
        var interrupted = TinySweeps.Create(corruptNewest ? "interrupted-corrupt" : "interrupted", steps, [], maxConcurrent: 1);
        var first = await SweepTestCluster.StartAsync(data.Path, cancellation);
        int stoppedAt;
        string runId;
        try
        {
            var coordinator = first.Client.GetGrain<ISweepCoordinatorGrain>(interrupted.Name);
            await coordinator.LaunchAsync(interrupted);
            // The coordinator hears of a step only after the run persisted its checkpoint for it.
            var status = await Eventually.UntilAsync(
                async () => (await coordinator.GetStatusAsync())!, s => s.Runs[0].Step >= 100, SweepPatience, cancellation);
            stoppedAt = status.Runs[0].Step;
            runId = status.Runs[0].Spec.RunId;
        }
        finally
        {
            await first.StopAsync(cancellation);
        }
        Assert.True(stoppedAt < steps, $"the run finished ({stoppedAt} steps) before the cluster stopped; nothing was resumed.");
        if (corruptNewest)
        {
            // A torn write or bad disk: the newest checkpoint's bytes change, so its SHA-256 no longer matches. Loading it would
            // fail the run; the grain must pass it over and resume from the one before.
            var newest = Directory.GetFiles(Path.Combine(data.Path, "checkpoints", runId), "*.ckpt").Max()!;
            var bytes = File.ReadAllBytes(newest);
            bytes[bytes.Length / 2] ^= 0xFF;
            File.WriteAllBytes(newest, bytes);
        }

        var second = await SweepTestCluster.StartAsync(data.Path, cancellation);
        try
        {
            // Asking the coordinator wakes it, and it wakes the runs that were training.
            var resumed = second.Client.GetGrain<ISweepCoordinatorGrain>(interrupted.Name);
            var atRestart = (await resumed.GetStatusAsync())!;
            Assert.Equal(RunState.Running, atRestart.Runs[0].State);
            Assert.InRange(atRestart.Runs[0].Step, 20, steps - 1);
            var reference = second.Client.GetGrain<ISweepCoordinatorGrain>("uninterrupted" + interrupted.Name);
            await reference.LaunchAsync(interrupted with { Name = "uninterrupted" + interrupted.Name });

            var done = await Eventually.UntilAsync(async () => (await resumed.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation);
            var expected = await Eventually.UntilAsync(async () => (await reference.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation);

            var run = done.Runs[0];
            Assert.Equal(RunState.Completed, run.State);
            Assert.Equal(steps, run.Step);
            var grain = second.Client.GetGrain<ITrainingRunGrain>(run.Spec.RunId);
            var evalLoss = await grain.GetSeriesAsync(MetricNames.EvalLoss);
            Assert.Equal(Enumerable.Range(0, steps / 20 + 1).Select(i => i * 20), evalLoss.Steps);
            Assert.Equal(evalLoss.Steps.Count, evalLoss.Values.Count);
            var trainLoss = await grain.GetSeriesAsync(MetricNames.TrainLoss);
            Assert.Equal(Enumerable.Range(1, steps / 10).Select(i => i * 10), trainLoss.Steps);
            // Batches are a function of the step and the checkpoint holds weights, optimizer and RNG: resuming changes nothing.
            var referenceSeries = await second.Client.GetGrain<ITrainingRunGrain>(expected.Runs[0].Spec.RunId).GetSeriesAsync(MetricNames.EvalLoss);
            Assert.Equal(referenceSeries.Values, evalLoss.Values);
            Assert.Equal(expected.Runs[0].FinalEvalLoss, run.FinalEvalLoss);
        }
        finally
        {
            await second.StopAsync(cancellation);
        }
    }
}
