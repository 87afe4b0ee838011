using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansSweep.Compute.Corpora;

namespace OrleansSweep.Grains.Tests.Sweeps;

[Collection(SweepClusterCollection.Name)]
public sealed class SweepCoordinatorTests(SweepClusterFixture fixture)
{
    private const int TestTimeoutMs = 120_000;
    private static readonly TimeSpan SweepPatience = TimeSpan.FromSeconds(90);

    [Fact(Timeout = TestTimeoutMs)]
    public async Task ThreeRunSweepCompletesWithinMaxConcurrentAndReportsTheGapToTheEntropyRate()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = TinySweeps.Create("three-widths", steps: 100, [new GridAxis("d_model", [2, 4, 8])], maxConcurrent: 2);
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);

        var launched = await coordinator.LaunchAsync(spec);
        Assert.Equal(3, launched.Runs.Count);
        // Launch fills capacity before it returns; the third run waits for one of the first two to finish.
        Assert.Equal(2, launched.Count(RunState.Running));
        Assert.Equal(1, launched.Count(RunState.Pending));
        var mostRunning = launched.Count(RunState.Running);
        await Eventually.UntilAsync(
            async () => (await coordinator.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation,
            observe: s => mostRunning = Math.Max(mostRunning, s.Count(RunState.Running)));

        Assert.InRange(mostRunning, 1, 2);
        var results = (await coordinator.GetResultsAsync())!;
        var optimal = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(
            TinySweeps.Corpus.Vocabulary, TinySweeps.Corpus.Rank, TinySweeps.Corpus.Beta, TinySweeps.Corpus.EmissionConcentration,
            TinySweeps.Corpus.Seed)).EntropyRate;
        Assert.True(results.IsFinished);
        Assert.Equal(optimal, results.OptimalLoss);
        Assert.True(optimal > 0);
        Assert.Equal([2, 4, 8], results.Runs.OrderBy(r => r.Index).Select(r => r.Model.DModel));
        Assert.Equal(3, results.Runs.Select(r => r.RunId).Distinct().Count());
        Assert.All(results.Runs, run =>
        {
            Assert.Equal(RunState.Completed, run.State);
            Assert.Equal(100, run.Step);
            Assert.True(run.Parameters > 0);
            Assert.True(double.IsFinite(run.FinalEvalLoss!.Value));
            Assert.True(run.BestEvalLoss <= run.FinalEvalLoss);
            Assert.Equal(run.FinalEvalLoss - optimal, run.Gap);
        });
    }

    [Theory(Timeout = TestTimeoutMs)]
    [InlineData("heads-not-dividing", "heads")]
    [InlineData("unknown-axis", "width")]
    [InlineData("bad-corpus", "corpus.train_tokens")]
    [InlineData("repeat-misaligned", "corpus.sequence_length")]
    [InlineData("unfetched", "data fetch nowhere-corpus")]
    public async Task InvalidSpecIsRefusedNamingTheFieldAndLaunchesNothing(string name, string field)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = name switch
        {
            "heads-not-dividing" => TinySweeps.Create(name, steps: 40, [new GridAxis("heads", [1, 3])]),
            "unknown-axis" => TinySweeps.Create(name, steps: 40, [new GridAxis("width", [8])]),
            "repeat-misaligned" => TinySweeps.Create(name, steps: 40, [new GridAxis("context", [16, 12])]) with
            {
                Corpus = TinySweeps.Corpus with { Kind = "repeat", SequenceLength = 8 },
            },
            "unfetched" => TinySweeps.Create(name, steps: 40, []) with
            {
                Corpus = new CorpusSpec { Kind = "text", Name = "nowhere-corpus", Tokenizer = "bytes" },
            },
            _ => TinySweeps.Create(name, steps: 40, []) with { Corpus = TinySweeps.Corpus with { TrainTokens = 1 } },
        };
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(name);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => coordinator.LaunchAsync(spec).WaitAsync(cancellation));

        Assert.Contains(field, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Null(await coordinator.GetStatusAsync());
        Assert.Null(await coordinator.GetResultsAsync());
        Assert.Null(await coordinator.GetReportAsync());
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task TheReportIsTheResultsWithEverySeriesTheRunsAndProbesRecorded()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = TinySweeps.Create("reported", steps: 40, [new GridAxis("d_model", [4, 8])]) with
        {
            Probes = TinySweeps.Probes with { Kinds = [ProbeKinds.HeadSpectrum] },
        };
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);
        await coordinator.LaunchAsync(spec);
        var results = await Eventually.UntilAsync(async () => (await coordinator.GetResultsAsync())!, r => r.IsFinished, SweepPatience, cancellation);

        var report = (await coordinator.GetReportAsync())!;

        // The same results: a kind read for the report but not in the spec changes none of them.
        var json = new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
        Assert.Equal(JsonSerializer.Serialize(results, json), JsonSerializer.Serialize(report.Results, json));
        Assert.Equal(results.Runs.Select(r => r.RunId), report.Runs.Select(r => r.RunId));
        foreach (var series in report.Runs)
        {
            var run = fixture.Client.GetGrain<ITrainingRunGrain>(series.RunId);
            foreach (var (metric, read) in new[] { (MetricNames.EvalLoss, series.EvalLoss), (MetricNames.EvalStandardError, series.EvalStandardError) })
            {
                var recorded = await run.GetSeriesAsync(metric);
                Assert.NotEmpty(recorded.Steps);
                Assert.Equal(recorded.Steps, read.Steps);
                Assert.Equal(recorded.Values, read.Values);
            }
            Assert.Equal(ProbeKinds.All, series.Probes.Select(p => p.Kind));
            foreach (var kind in ProbeKinds.All)
            {
                var recorded = await fixture.Client.GetGrain<IProbeGrain>(IProbeGrain.Key(series.RunId, kind)).GetSeriesAsync();
                Assert.Equal(recorded.Points.Select(p => (p.Step, p.Scalars.Count)), series.Probe(kind).Points.Select(p => (p.Step, p.Scalars.Count)));
                Assert.Equal(kind == ProbeKinds.HeadSpectrum, series.Probe(kind).Points.Count > 0);
            }
            var entropy = series.Probe(ProbeKinds.HeadSpectrum).Scalar(ProbeKinds.SingularEntropy);
            Assert.Equal(entropy[^1].Value, results.Runs.Single(r => r.RunId == series.RunId).SingularEntropy);
        }
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task LaunchingTheSameSpecAgainReturnsTheSameRunsAndAddsNone()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = TinySweeps.Create("twice", steps: 40, [new GridAxis("seed", [1, 2])], maxConcurrent: 1);
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);

        var first = await coordinator.LaunchAsync(spec);
        // A spec equal by value, not the same instance, as a second `launch` of the same file sends.
        var whileRunning = await coordinator.LaunchAsync(TinySweeps.Create("twice", steps: 40, [new GridAxis("seed", [1, 2])], maxConcurrent: 1));
        var finished = await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation);
        var afterwards = await coordinator.LaunchAsync(spec);

        var runIds = first.Runs.Select(r => r.Spec.RunId).ToList();
        Assert.Equal(2, runIds.Distinct().Count());
        Assert.Equal(runIds, whileRunning.Runs.Select(r => r.Spec.RunId));
        Assert.Equal(runIds, finished.Runs.Select(r => r.Spec.RunId));
        Assert.Equal(runIds, afterwards.Runs.Select(r => r.Spec.RunId));
        Assert.All(afterwards.Runs, r => Assert.Equal(RunState.Completed, r.State));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task AnotherSpecUnderTheSameIdIsRefused()
    {
        var spec = TinySweeps.Create("taken", steps: 40, [new GridAxis("seed", [1])], maxConcurrent: 1);
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);
        var first = await coordinator.LaunchAsync(spec);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => coordinator.LaunchAsync(spec with { Training = spec.Training with { LearningRate = 2e-2 } }));

        Assert.Contains("taken", error.Message);
        Assert.Equal(first.Runs.Select(r => r.Spec.RunId), (await coordinator.GetStatusAsync())!.Runs.Select(r => r.Spec.RunId));
        await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.IsFinished, SweepPatience,
            TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task TheSameConfigurationTrainedTwiceGivesTheSameLosses()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var series = new List<MetricSeries>();
        foreach (var name in new[] { "seeded-a", "seeded-b" })
        {
            var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(name);
            await coordinator.LaunchAsync(TinySweeps.Create(name, steps: 40, [new GridAxis("seed", [7])]));
            var done = await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation);
            series.Add(await fixture.Client.GetGrain<ITrainingRunGrain>(done.Runs[0].Spec.RunId).GetSeriesAsync(MetricNames.EvalLoss));
        }

        // The seed fixes initial weights and batches, whatever else trained in the silo before.
        Assert.Equal([0, 20, 40], series[0].Steps);
        Assert.Equal(series[0].Steps, series[1].Steps);
        Assert.Equal(series[0].Values, series[1].Values);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task AHeadRankSweepTrainsFactorisedHeadsAndItsRunsNameTheirCheckpoints()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = TinySweeps.Create("head-ranks", steps: 40, [new GridAxis("head_rank", [2, 8])]);
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);

        await coordinator.LaunchAsync(spec);
        var done = await Eventually.UntilAsync(async () => (await coordinator.GetStatusAsync())!, s => s.IsFinished, SweepPatience, cancellation);

        Assert.Equal([2, 8], done.Runs.Select(r => r.Spec.Model.HeadRank!.Value));
        foreach (var run in done.Runs)
        {
            var summary = (await fixture.Client.GetGrain<ITrainingRunGrain>(run.Spec.RunId).GetSummaryAsync())!;
            Assert.Equal(RunState.Completed, summary.State);
            Assert.True(File.Exists(summary.CheckpointPath), $"run {run.Spec.RunId} names checkpoint '{summary.CheckpointPath}'");
            var header = Compute.Training.CheckpointFile.ReadHeader(summary.CheckpointPath!);
            Assert.Equal(run.Spec.Model.HeadRank, header.Config.HeadRank);
            Assert.Equal(40, header.Step);
            // V = 32, d = 8: a rank-2 head has 2·(32 + 8) parameters where the full head has 32·8.
            Assert.Equal(header.Config.TotalParameters, summary.Parameters);
        }
        Assert.Equal(32L * 8 - 2L * (32 + 8), done.Runs[1].Parameters - done.Runs[0].Parameters);
    }
}
