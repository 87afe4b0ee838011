namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>Search spaces, early termination and a large sweep in a real (in-process) cluster.</summary>
[Collection(SweepClusterCollection.Name)]
public sealed class SearchSweepTests(SweepClusterFixture fixture)
{
    private const int TestTimeoutMs = 180_000;
    private static readonly TimeSpan SweepPatience = TimeSpan.FromSeconds(120);

    [Fact(Timeout = TestTimeoutMs)]
    public async Task ASweepOfTwentyThousandRunsIsPagedFilteredAndCancelledWithoutActivatingItsPendingRuns()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var seeds = Enumerable.Range(1, 20_000).Select(s => (double)s).ToList();
        var spec = TinySweeps.Create("twenty-thousand", steps: 50, [new GridAxis("seed", seeds)]) with { Analysis = new AnalysisSpec { NgramOrder = 0 } };
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);

        var launched = await coordinator.LaunchAsync(spec);

        Assert.Equal((20_000, 20_000), (launched.Planned, launched.Counts.Total));
        Assert.Equal(20_000, launched.Counts.Pending + launched.Counts.Running + launched.Counts.Completed);
        var third = (await coordinator.GetStatusAsync(new StatusQuery { Page = 3, PageSize = 50 }))!;
        Assert.Equal(Enumerable.Range(100, 50), third.Runs.Select(r => r.Spec.Index));
        Assert.Equal(seeds.Skip(100).Take(50), third.Runs.Select(r => (double)r.Spec.Training.Seed));
        var last = (await coordinator.GetStatusAsync(new StatusQuery { Page = 400, PageSize = 50 }))!;
        Assert.Equal(19_999, last.Runs[^1].Spec.Index);
        Assert.Equal(20_000, last.Matching);
        var pending = (await coordinator.GetStatusAsync(new StatusQuery { State = RunState.Pending, PageSize = 1000 }))!;
        Assert.Equal(1000, pending.Runs.Count);
        Assert.All(pending.Runs, r => Assert.Equal(RunState.Pending, r.State));
        Assert.Equal(pending.Counts.Pending, pending.Matching);
        // Only runs that started have a grain: pending ones are rows in their shards.
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        var runGrains = (await management.GetSimpleGrainStatistics(cancellation)).Where(s => s.GrainType.Contains("TrainingRunGrain")).Sum(s => s.ActivationCount);
        Assert.InRange(runGrains, 1, 60);

        var cancelled = await coordinator.CancelAsync();

        Assert.True(cancelled.IsFinished);
        Assert.Equal(20_000, cancelled.Counts.Total);
        Assert.Equal(0, cancelled.Counts.Pending + cancelled.Counts.Running);
        var cancelledPage = (await coordinator.GetStatusAsync(new StatusQuery { State = RunState.Cancelled, Page = 2, PageSize = 10 }))!;
        Assert.All(cancelledPage.Runs, r => Assert.Equal(RunState.Cancelled, r.State));
        Assert.Equal(10, cancelledPage.Runs.Count);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task EarlyTerminationStopsRunsAtRungsAndKeepsTheBest()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = TinySweeps.Create("halving", steps: 50, [new GridAxis("learning_rate", [3e-2, 1e-2, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 3e-6, 1e-6])]) with
        {
            Training = TinySweeps.Training(50) with { EvalEvery = 10, CheckpointEvery = 10 },
            EarlyTerminate = new EarlyTerminateSpec { MinIter = 10, Eta = 3 },
            Analysis = new AnalysisSpec { NgramOrder = 0 },
        };
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);

        await coordinator.LaunchAsync(spec);
        var done = await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation);

        var stopped = done.Runs.Where(r => r.State == RunState.Stopped).ToList();
        var completed = done.Runs.Where(r => r.State == RunState.Completed).ToList();
        Assert.NotEmpty(stopped);
        Assert.Equal(9, stopped.Count + completed.Count);
        Assert.All(stopped, r => Assert.Contains(r.StoppedAtStep!.Value, new[] { 10, 30 }));
        Assert.All(stopped, r => Assert.Equal(0, r.Failures));
        // The best run by the metric trained to its end, and no stopped run did better.
        var results = (await coordinator.GetResultsAsync(new ResultsQuery { Top = 9 }))!;
        Assert.Equal(RunState.Completed, results.Runs[0].State);
        Assert.All(results.Runs.Where(r => r.State == RunState.Stopped), r => Assert.NotNull(r.StoppedAtStep));
        Assert.Equal(stopped.Count, results.Counts.Stopped);
        // A stopped run keeps its series up to where it stopped.
        var series = await fixture.Client.GetGrain<ITrainingRunGrain>(stopped[0].Spec.RunId).GetSeriesAsync(MetricNames.EvalLoss);
        Assert.Contains(stopped[0].StoppedAtStep!.Value, series.Steps);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task ARandomSearchLaunchedTwiceHasTheSameRunsAndABayesSearchProposesItsRunsAsResultsComeIn()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var space = new ParameterSpec { Name = "learning_rate", Distribution = "log_uniform_values", Min = 1e-4, Max = 1e-1 };
        var random = TinySweeps.Create("drawn", steps: 20, []) with
        {
            Method = "random", RunCap = 3, SearchSeed = 7, Parameters = [space], MaxConcurrent = 1, Analysis = new AnalysisSpec { NgramOrder = 0 },
        };
        var first = await fixture.Client.GetGrain<ISweepCoordinatorGrain>("drawn").LaunchAsync(random);
        var again = await fixture.Client.GetGrain<ISweepCoordinatorGrain>("drawn").LaunchAsync(random);
        Assert.Equal(first.Runs.Select(r => r.Spec.RunId), again.Runs.Select(r => r.Spec.RunId));
        Assert.Equal(3, first.Runs.Select(r => r.Spec.Training.LearningRate).Distinct().Count());
        Assert.All(first.Runs, r => Assert.InRange(r.Spec.Training.LearningRate, 1e-4, 1e-1));

        var bayes = random with { Name = "proposed", Method = "bayes" };
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>("proposed");
        var launched = await coordinator.LaunchAsync(bayes);
        Assert.Equal((3, 1), (launched.Planned, launched.Counts.Total));
        var done = await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation);
        Assert.Equal(3, done.Counts.Completed);
        Assert.Equal(3, done.Runs.Select(r => r.Spec.RunId).Distinct().Count());
        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("drawn").CancelAsync();
    }
}
