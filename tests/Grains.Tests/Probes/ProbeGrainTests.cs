using OrleansSweep.Compute.Probes;
using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Tests.Storage;
using OrleansSweep.Grains.Sweeps;
using OrleansSweep.Grains.Tests.Sweeps;

namespace OrleansSweep.Grains.Tests.Probes;

/// <summary>Probe grains on a real (in-process) cluster: cadence, one point per step, persistence across a restart, re-probing.</summary>
[Collection(SweepClusterCollection.Name)]
public sealed class ProbeGrainTests : IDisposable
{
    private const int TestTimeoutMs = 180_000;
    private static readonly TimeSpan SweepPatience = TimeSpan.FromSeconds(120);
    private readonly TemporaryDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact(Timeout = TestTimeoutMs)]
    public async Task EveryProbeStepIsMeasuredOnceAndTheSeriesSurviveARestartAndAReprobe()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = TinySweeps.Create("probed", steps: 40, [new GridAxis("d_model", [4, 8])]) with { Probes = TinySweeps.Probes };
        var expectedSteps = ProbeSchedule.Steps(TinySweeps.Probes.Every, TinySweeps.Probes.LogSpaced, 40).Order().ToList();
        Dictionary<string, ProbeSeries> before = [];
        var first = await SweepTestCluster.StartAsync(data.Path, cancellation);
        try
        {
            var coordinator = first.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);
            await coordinator.LaunchAsync(spec);
            var results = await Eventually.UntilAsync(async () => (await coordinator.GetResultsAsync())!, r => r.IsFinished, SweepPatience, cancellation);

            Assert.Equal(0, results.ProbesPending);
            foreach (var run in results.Runs)
            {
                var evalSteps = (await first.Client.GetGrain<ITrainingRunGrain>(run.RunId).GetSeriesAsync(MetricNames.EvalLoss)).Steps;
                Assert.Subset(evalSteps.ToHashSet(), expectedSteps.ToHashSet());
                foreach (var kind in ProbeKinds.All)
                {
                    var series = await first.Client.GetGrain<IProbeGrain>(IProbeGrain.Key(run.RunId, kind)).GetSeriesAsync();
                    Assert.Empty(series.Errors);
                    Assert.Equal(expectedSteps, series.Points.Select(p => p.Step));
                    before[IProbeGrain.Key(run.RunId, kind)] = series;
                }
                Assert.Equal(before[IProbeGrain.Key(run.RunId, ProbeKinds.HeadSpectrum)].Points[^1].Scalars[ProbeKinds.SingularEntropy], run.SingularEntropy);
                Assert.InRange(run.FinalLayerAnisotropy!.Value, -1, 1);
                Assert.InRange(run.GradientKept!.Value, 0, 1);

                // The stored value is the probe of the stored checkpoint, recomputed here from the file.
                var last = Path.Combine(data.Path, "checkpoints", run.RunId, CheckpointFile.Name(40));
                using var model = CheckpointFile.LoadModel(last, TorchSharp.torch.CPU);
                Assert.Equal(HeadSpectrum.Of(model).SingularEntropy, run.SingularEntropy!.Value, 12);
            }
        }
        finally
        {
            await first.StopAsync(cancellation);
        }

        var second = await SweepTestCluster.StartAsync(data.Path, cancellation);
        try
        {
            foreach (var (key, expected) in before)
            {
                var series = await second.Client.GetGrain<IProbeGrain>(key).GetSeriesAsync();
                AssertSameSeries(expected, series);
            }

            var runId = before.Keys.First()[..before.Keys.First().IndexOf('/')];
            var queued = await second.Client.GetGrain<ITrainingRunGrain>(runId).ReprobeAsync([ProbeKinds.GradientBottleneck]);
            Assert.Equal(expectedSteps.Count, queued);
            var reprobed = await Eventually.UntilAsync(
                () => second.Client.GetGrain<IProbeGrain>(IProbeGrain.Key(runId, ProbeKinds.GradientBottleneck)).GetSeriesAsync(),
                s => s.Pending == 0, SweepPatience, cancellation);
            // Measured again, replaced in place: still one point per step, and the same values (probes are deterministic).
            AssertSameSeries(before[IProbeGrain.Key(runId, ProbeKinds.GradientBottleneck)], reprobed);
        }
        finally
        {
            await second.StopAsync(cancellation);
        }
    }

    [Fact]
    public async Task AnUnknownProbeKindIsRefusedBeforeAnyRunStarts()
    {
        var spec = TinySweeps.Create("bad-probe", steps: 10, []) with { Probes = new ProbeSpec { Kinds = ["spectrum"] } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Task.FromResult(SweepExpander.Expand(spec)));

        Assert.Equal("probes.kinds must hold only anisotropy, head_spectrum, gradient_bottleneck, got 'spectrum'.", error.Message);
    }

    private static void AssertSameSeries(ProbeSeries expected, ProbeSeries actual)
    {
        Assert.Equal(expected.Points.Select(p => p.Step), actual.Points.Select(p => p.Step));
        foreach (var (e, a) in expected.Points.Zip(actual.Points))
        {
            Assert.Equal(e.Scalars, a.Scalars);
            Assert.Equal(e.Vectors.Keys, a.Vectors.Keys);
            foreach (var name in e.Vectors.Keys) Assert.Equal(e.Vectors[name], a.Vectors[name]);
        }
    }
}
