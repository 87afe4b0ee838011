using OrleansSweep.Grains.Runs;
using OrleansSweep.Grains.Sweeps;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>The coordinator's aggregate on observations with known answers (SCIENCE.md §6–7).</summary>
public sealed class SweepAggregationTests
{
    private const double E = 1.7, A = 400, Alpha = 0.5;

    [Fact]
    public void ARunWhoseLossRisesLateIsSaturatedAtItsBestStepWithItsProbeEvents()
    {
        var run = Observe("late-rise", d: 8, seed: 1,
            evalLoss: [(0, 4.0), (100, 2.50), (200, 2.40), (300, 2.46)], stderr: 0.005,
            entropy: [(1, 0.9), (100, 0.3), (200, 0.5), (300, 1.45)],
            anisotropy: [(1, 0.2), (100, 0.85), (200, 0.93), (300, 0.97)]);
        var flat = Observe("flat", d: 16, seed: 1,
            evalLoss: [(0, 4.0), (100, 2.30), (200, 2.20), (300, 2.205)], stderr: 0.005,
            entropy: [(1, 0.9), (300, 0.8)], anisotropy: [(1, 0.2), (300, 0.5)]);

        var results = SweepAggregation.Results(Status(run, flat), [run, flat], [], 0);

        var late = results.Runs[0];
        Assert.True(late.Saturated);
        Assert.Equal(200, late.BestEvalStep);
        Assert.Equal(300, late.SpectrumCollapseStep);
        Assert.Equal(200, late.AnisotropyStep);
        Assert.Equal(1.45, late.SingularEntropy);
        Assert.Equal(0.97, late.FinalLayerAnisotropy);
        var steady = results.Runs[1];
        Assert.False(steady.Saturated);
        Assert.Null(steady.SpectrumCollapseStep);
        Assert.Null(steady.AnisotropyStep);
    }

    [Fact]
    public void RunsDifferingOnlyInSizeShareOneFitOnTheLargerHalfAndEachGetsItsGap()
    {
        var sizes = new[] { 8, 16, 32, 64, 128 };
        var runs = sizes.Select(d => Observe($"d{d}", d, seed: 1, Loss(d))).ToList();
        // The smallest run sits 8 % above the law; it is outside the larger half, so the fit stays exact.
        runs[0] = Observe("d8", 8, seed: 1, Loss(8) * 1.08);
        // Another seed is another group, and one run cannot be fitted.
        runs.Add(Observe("other-seed", 64, seed: 2, Loss(64)));

        var results = SweepAggregation.Results(Status([.. runs]), runs, [], 0);

        var law = Assert.Single(results.ScalingLaws);
        Assert.Equal(["d32", "d64", "d128"], law.FittedRunIds);
        Assert.Equal(["d8", "d16", "d32", "d64", "d128"], law.RunIds);
        Assert.Equal(E, law.E, 2);
        Assert.Equal(Alpha, law.Alpha, 2);
        var gaps = results.Runs.ToDictionary(r => r.RunId, r => r.ScalingLawGap);
        Assert.Equal(0.08, gaps["d8"]!.Value, 3);
        Assert.Equal(0, gaps["d16"]!.Value, 3);
        Assert.Equal(0, gaps["d128"]!.Value, 6);
        Assert.Null(gaps["other-seed"]);
    }

    [Fact]
    public void TheFitUsesTheHiddenSizesTheSpecNames()
    {
        var runs = new[] { 8, 16, 32, 64, 128 }.Select(d => Observe($"d{d}", d, seed: 1, Loss(d))).ToList();
        var status = Status([.. runs]) with { Spec = Status([.. runs]).Spec with { Analysis = new AnalysisSpec { FitDModels = [8, 16, 32] } } };

        var law = Assert.Single(SweepAggregation.Results(status, runs, [], 0).ScalingLaws);

        Assert.Equal(["d8", "d16", "d32"], law.FittedRunIds);
    }

    [Fact]
    public void LossesThatRiseWithSizeGiveNoFitAndNoGaps()
    {
        // The larger runs ended worse than the smaller ones (e.g. not converged): a "law" with α ≤ 0 explains nothing.
        var runs = new[] { 8, 16, 32, 64 }.Select(d => Observe($"d{d}", d, seed: 1, 2.0 + d / 100.0)).ToList();

        var results = SweepAggregation.Results(Status([.. runs]), runs, [], 0);

        Assert.Empty(results.ScalingLaws);
        Assert.All(results.Runs, r => Assert.Null(r.ScalingLawGap));
    }

    [Fact]
    public void PendingProbesKeepTheResultsUnfinished()
    {
        var run = Observe("pending", 8, seed: 1, 2.0) with
        {
            Probes = new Dictionary<string, ProbeSeries> { [ProbeKinds.HeadSpectrum] = new() { RunId = "pending", Kind = ProbeKinds.HeadSpectrum, Pending = 2 } },
        };

        var results = SweepAggregation.Results(Status(run), [run], [], 0);

        Assert.Equal(2, results.ProbesPending);
        Assert.Equal(2, results.Runs[0].ProbesPending);
        Assert.False(results.IsFinished);
    }

    private static double Loss(int d) => E + A / Math.Pow(NonEmbedding(d), Alpha);

    private static long NonEmbedding(int d) =>
        RunSpecMapping.ToGptConfig(new RunSpec("s", "r", new CorpusSpec(), new ModelSpec { DModel = d, Heads = 1 }, new TrainingSpec()), 64).NonEmbeddingParameters;

    private static RunObservations Observe(string id, int d, int seed, double finalLoss) =>
        Observe(id, d, seed, [(0, 5.0), (100, finalLoss)], stderr: 0.001, entropy: [], anisotropy: []);

    private static RunObservations Observe(
        string id, int d, int seed, (int, double)[] evalLoss, double stderr, (int, double)[] entropy, (int, double)[] anisotropy)
    {
        var spec = new RunSpec("sweep", id, new CorpusSpec(), new ModelSpec { DModel = d, Heads = 1 }, new TrainingSpec { Seed = seed });
        var best = evalLoss.MinBy(p => p.Item2);
        var summary = new RunSummary
        {
            Spec = spec,
            State = RunState.Completed,
            NonEmbeddingParameters = NonEmbedding(d),
            BestEvalLoss = best.Item2,
            BestEvalStep = best.Item1,
            FinalEvalLoss = evalLoss[^1].Item2,
            FinalEvalStandardError = stderr,
        };
        return new RunObservations(summary, evalLoss, new Dictionary<string, ProbeSeries>
        {
            [ProbeKinds.HeadSpectrum] = Series(id, ProbeKinds.HeadSpectrum, ProbeKinds.SingularEntropy, entropy),
            [ProbeKinds.Anisotropy] = Series(id, ProbeKinds.Anisotropy, ProbeKinds.Final, anisotropy),
        });
    }

    private static ProbeSeries Series(string run, string kind, string scalar, (int Step, double Value)[] points) => new()
    {
        RunId = run,
        Kind = kind,
        Points = points.Select(p => new ProbePoint(p.Step, new Dictionary<string, double> { [scalar] = p.Value }, new Dictionary<string, IReadOnlyList<double>>())).ToList(),
    };

    private static SweepStatus Status(params RunObservations[] runs) => new()
    {
        SweepId = "sweep",
        Spec = new SweepSpec { Name = "sweep" },
        Runs = runs.Select(r => r.Summary).ToList(),
    };
}
