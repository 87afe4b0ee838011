using OrleansSweep.Grains.Runs;
using OrleansSweep.Grains.Sweeps;

namespace OrleansSweep.Grains.Tests.Sweeps;

public sealed class SweepExpanderTests
{
    [Fact]
    public void AHeadRankAxisGivesOneRunPerRankEachBuildingItsHead()
    {
        var spec = TinySweeps.Create("ranks", steps: 10, [new GridAxis("d_model", [8, 16]), new GridAxis("head_rank", [2, 8])]);

        var runs = SweepExpander.Expand(spec);

        Assert.Equal([(8, 2), (8, 8), (16, 2), (16, 8)], runs.Select(r => (r.Model.DModel, r.Model.HeadRank!.Value)));
        Assert.Equal(4, runs.Select(r => r.RunId).Distinct().Count());
        var configs = runs.Select(r => RunSpecMapping.ToGptConfig(r, 32)).ToList();
        // r < d: factorised, r·(V + d) head parameters; r ≥ d: the full V·d head.
        Assert.Equal<int?>([2, null, 2, 8], configs.Select(c => c.FactorizedRank));
        Assert.Equal([2L * (32 + 8), 32L * 8, 2L * (32 + 16), 8L * (32 + 16)], configs.Select(c => c.HeadParameters));
    }

    [Fact]
    public void ASpecWithoutHeadRankBuildsFullRankHeads()
    {
        var run = Assert.Single(SweepExpander.Expand(TinySweeps.Create("plain", steps: 10, [])));

        Assert.Null(run.Model.HeadRank);
        Assert.Null(RunSpecMapping.ToGptConfig(run, 32).FactorizedRank);
    }

    [Theory]
    [InlineData(0.0, false, "head_rank")]
    [InlineData(2.5, false, "head_rank")]
    [InlineData(4.0, true, "head_rank")]
    public void BadHeadRanksAreRefusedNamingTheAxis(double rank, bool tied, string field)
    {
        var spec = TinySweeps.Create("bad-rank", steps: 10, [new GridAxis("head_rank", [rank])]);
        spec = spec with { Model = spec.Model with { TiedHead = tied } };

        var error = Assert.Throws<ArgumentException>(() => SweepExpander.Expand(spec));

        Assert.Contains(field, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void MaxFailuresAndKeepCheckpointsReachEveryRunWithoutChangingItsId()
    {
        var spec = TinySweeps.Create("reliable", steps: 10, [new GridAxis("seed", [1, 2])]);

        var tolerant = SweepExpander.Expand(spec with { MaxFailures = 5, KeepCheckpoints = 4 });

        Assert.All(tolerant, r => Assert.Equal((5, 4), (r.MaxFailures, r.KeepCheckpoints)));
        Assert.Equal(SweepExpander.Expand(spec).Select(r => r.RunId), tolerant.Select(r => r.RunId));
    }

    [Theory]
    [InlineData(0, 3, "max_failures")]
    [InlineData(3, 1, "keep_checkpoints")]
    public void TooFewFailuresOrCheckpointsAreRefusedNamingTheField(int maxFailures, int keep, string field)
    {
        var spec = TinySweeps.Create("unreliable", steps: 10, []) with { MaxFailures = maxFailures, KeepCheckpoints = keep };

        var error = Assert.Throws<ArgumentException>(() => SweepExpander.Expand(spec));

        Assert.StartsWith(field, error.Message);
    }
}
