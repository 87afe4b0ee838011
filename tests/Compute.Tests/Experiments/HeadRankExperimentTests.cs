using OrleansSweep.Compute.Experiments;
using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Tests.Training;

namespace OrleansSweep.Compute.Tests.Experiments;

public sealed class HeadRankExperimentTests(TrainedMarkovModel trained) : IClassFixture<TrainedMarkovModel>
{
    private static HeadRankOptions Options(int[] ranks, int steps, long cacheBytes = 1L << 30) => new()
    {
        Ranks = ranks,
        Training = TrainingFixtures.Options(steps, learningRate: 2e-2) with { Seed = 3 },
        HiddenCacheBytes = cacheBytes,
    };

    private HeadRankResult Run(HeadRankOptions options) =>
        HeadRankExperiment.Run(trained.Model, trained.Corpus, options, CPU, cancellation: TestContext.Current.CancellationToken);

    [Fact]
    public void LossFallsWithRankToTheOriginalsAtFullRank()
    {
        int[] ranks = [2, 4, 8, 16];

        var result = Run(Options(ranks, steps: 150));

        var losses = result.Points.Select(p => p.EvalLoss).ToArray();
        var report = string.Join(", ", result.Points.Select(p => $"r={p.Rank}: {p.EvalLoss:F4} ± {p.StandardError:F4}"))
            + $"; original {result.ReferenceLoss:F4} ± {result.ReferenceStandardError:F4}";
        Assert.Equal(ranks, result.Points.Select(p => p.Rank));
        Assert.Equal(trained.Model.Config.ContextLength * (4096 / trained.Model.Config.ContextLength), result.EvalTokens);
        // At r = d the retrained head can express whatever the original did: as good, up to noise and a short schedule.
        Assert.True(losses[^1] < result.ReferenceLoss + 2 * result.ReferenceStandardError, report);
        // R = 16 hidden states: a rank-2 head cannot express the log-probability matrix.
        Assert.True(losses[0] > losses[^1] + 0.1, report);
        for (var i = 1; i < losses.Length; i++) Assert.True(losses[i] <= losses[i - 1] + result.Points[i].StandardError, report);
        Assert.Equal([2L * (64 + 16), 4L * (64 + 16), 8L * (64 + 16), 64L * 16], result.Points.Select(p => p.HeadParameters));
    }

    [Fact]
    public void TheBodyIsLeftBitIdenticalAndAsItWasFound()
    {
        var before = trained.Model.named_parameters().Select(p => (p.name, p.parameter.detach().clone())).ToList();
        trained.Model.train();

        Run(Options([2, 16], steps: 20));

        foreach (var (name, value) in before)
        {
            var after = trained.Model.named_parameters().Single(p => p.name == name).parameter;
            Assert.True(after.Equals(value), $"{name} changed");
            Assert.True(after.requires_grad, $"{name} was left frozen");
        }
        Assert.True(trained.Model.training);
    }

    [Fact]
    public void CachedHiddenStatesGiveExactlyWhatRunningTheBodyPerBatchGives()
    {
        var cached = Run(Options([2, 16], steps: 20));
        var uncached = Run(Options([2, 16], steps: 20, cacheBytes: 0));

        Assert.True(cached.HiddenStatesCached);
        Assert.False(uncached.HiddenStatesCached);
        Assert.Equal(cached.Points, uncached.Points);
        Assert.Equal(cached.ReferenceLoss, uncached.ReferenceLoss);
    }

    [Fact]
    public void ReportsTheWErrorOfTheOriginalHeadsTruncatedSvd()
    {
        int[] ranks = [1, 3, 8, 16];

        var result = Run(Options(ranks, steps: 1));

        using var scope = NewDisposeScope();
        Tensor w;
        using (no_grad()) w = trained.Model.Head.Weight().detach().to(float64);
        var (u, s, vh) = linalg.svd(w, fullMatrices: false);
        foreach (var point in result.Points)
        {
            var r = point.Rank;
            var best = u[.., ..r].matmul(diag(s[..r])).matmul(vh[..r]);
            Assert.Equal((w - best).norm().item<double>() / w.norm().item<double>(), point.FullHeadWError, 9);
        }
        Assert.Equal(0.0, result.Points[^1].FullHeadWError, 9);
    }

    [Fact]
    public void ACheckpointGivesWhatItsModelGives()
    {
        using var directory = new TemporaryDirectory();
        var path = trained.Save(directory.Path);
        var options = Options([4], steps: 20);

        var fromFile = HeadRankExperiment.Run(path, trained.Corpus, options, CPU, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(Run(options).Points, fromFile.Points);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 4 })]
    [InlineData(new[] { 4, 17 })]
    [InlineData(new[] { 4, 4 })]
    public void RanksOutsideOneToDAreRefusedByName(int[] ranks)
    {
        var error = Assert.Throws<ArgumentException>(() => Run(Options(ranks, steps: 1)));

        Assert.StartsWith("ranks", error.Message);
    }

    [Fact]
    public void AFreshHeadHasTheRankAndInitOfSection8()
    {
        var config = trained.Model.Config;
        using var factorised = HeadRankExperiment.FreshHead(config, 4, seed: 1);
        using var full = HeadRankExperiment.FreshHead(config, 16, seed: 1);

        var a = factorised.named_parameters().Single(p => p.name == "a").parameter;
        Assert.IsType<FactorizedHead>(factorised);
        Assert.Equal([64L, 4], a.shape);
        Assert.IsType<FullRankHead>(full);
        // N(0, 1/d) for the full head: 1024 draws, the sample std within six standard errors of 1/4.
        var std = full.Weight().std().item<float>();
        Assert.InRange(std, 0.25 * (1 - 6 / Math.Sqrt(2 * 1023.0)), 0.25 * (1 + 6 / Math.Sqrt(2 * 1023.0)));
    }
}
