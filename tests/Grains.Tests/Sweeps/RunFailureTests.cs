namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>What an application error or a diverging loss does to a run, and that the sweep goes on.</summary>
[Collection(SweepClusterCollection.Name)]
public sealed class RunFailureTests(SweepClusterFixture fixture) : IDisposable
{
    private const int TestTimeoutMs = 120_000;
    private static readonly TimeSpan SweepPatience = TimeSpan.FromSeconds(90);
    private readonly TemporaryDirectory corpusDirectory = new();

    public void Dispose() => corpusDirectory.Dispose();

    [Fact(Timeout = TestTimeoutMs)]
    public async Task AnApplicationErrorIsRetriedFromTheLastCheckpointUntilMaxFailuresThenTheRunFails()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // A corpus the spec check accepts but too short to cut one training window from: every attempt throws.
        var path = Path.Combine(corpusDirectory.Path, "short.txt");
        await File.WriteAllTextAsync(path, "too short", cancellation);
        var spec = TinySweeps.Create("failing", steps: 40, [], maxConcurrent: 1) with
        {
            Corpus = new CorpusSpec { Kind = "text", Path = path, Tokenizer = "bytes" },
            MaxFailures = 2,
        };
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);
        await coordinator.LaunchAsync(spec);

        var done = await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation);

        var run = done.Runs[0];
        Assert.Equal(RunState.Failed, run.State);
        Assert.Equal(2, run.Failures);
        Assert.Contains(path, run.Error);
        // The first attempt, then one retry after a backoff: the retry is a resume (from step 0, as nothing was saved).
        Assert.Equal(0, Assert.Single(run.Resumes).FromStep);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task ANonFiniteLossMarksTheRunDivergedAtItsStepAndTheSweepGoesOn()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var tiny = TinySweeps.Create("diverging", steps: 60, [new GridAxis("learning_rate", [1e-2, 1e30])], maxConcurrent: 1);
        var spec = tiny with { Training = tiny.Training with { GradientClip = 0 } };
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);
        await coordinator.LaunchAsync(spec);

        var done = await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation);

        Assert.Equal([RunState.Completed, RunState.Diverged], done.Runs.Select(r => r.State));
        var diverged = done.Runs[1];
        Assert.Equal(0, diverged.Failures);
        Assert.InRange(diverged.Step, 1, 59);
        Assert.Contains($"diverged at step {diverged.Step}:", diverged.Error);
    }
}
