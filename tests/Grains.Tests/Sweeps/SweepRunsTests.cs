using OrleansSweep.Grains.Sweeps;
using static OrleansSweep.Grains.Tests.Search.SearchSpaceValidationTests;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>A spec's runs, made one at a time: grid order, seeded random draws, run_cap, and a million-point grid never listed.</summary>
public sealed class SweepRunsTests
{
    private static readonly SweepSpec Base = TinySweeps.Create("runs", steps: 10, []);

    private static readonly SweepSpec Random = Base with
    {
        Method = "random", RunCap = 20, SearchSeed = 3,
        Parameters = [Parameter("learning_rate: log_uniform_values 0.0001 0.1"), Parameter("d_model: categorical 8,16"), Parameter("batch_size: q_uniform 8 64 q=8")],
    };

    [Fact]
    public void ParametersWithListedValuesGiveTheSameRunsInTheSameOrderAsTheGrid()
    {
        var grid = Base with { Grid = [new("d_model", [16, 8]), new("batch_size", [8, 16, 24]), new("seed", [1, 2])] };
        var parameters = Base with
        {
            Parameters = [Parameter("d_model: categorical 16,8"), Parameter("batch_size: q_uniform 8 24 q=8"), Parameter("seed: int_uniform 1 2")],
        };

        var runs = SweepExpander.Expand(parameters);

        Assert.Equal(SweepExpander.Expand(grid).Select(r => (r.RunId, r.Index)), runs.Select(r => (r.RunId, r.Index)));
        Assert.Equal([(16, 8, 1), (16, 8, 2), (16, 16, 1)], runs.Take(3).Select(r => (r.Model.DModel, r.Training.BatchSize, r.Training.Seed)));
    }

    [Fact]
    public void AGridRunCapTakesItsFirstPoints()
    {
        var grid = Base with { Grid = [new("d_model", [8, 16]), new("seed", [1, 2, 3])] };

        var capped = SweepExpander.Expand(grid with { RunCap = 4 });

        Assert.Equal(SweepExpander.Expand(grid).Take(4).Select(r => r.RunId), capped.Select(r => r.RunId));
    }

    [Fact]
    public void RandomSearchLaunchedTwiceGivesTheSameRuns()
    {
        var first = SweepExpander.Expand(Random);

        Assert.Equal(first.Select(r => r.RunId), SweepExpander.Expand(Random).Select(r => r.RunId));
        Assert.Equal(20, first.Select(r => r.RunId).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 20), first.Select(r => r.Index));
        Assert.All(first, r => Assert.InRange(r.Training.LearningRate, 1e-4, 1e-1));
        Assert.NotEqual(first.Select(r => r.RunId), SweepExpander.Expand(Random with { SearchSeed = 4 }).Select(r => r.RunId));
    }

    [Fact]
    public void ALargerRunCapExtendsTheSameSequence()
    {
        var more = SweepExpander.Expand(Random with { RunCap = 50 });

        Assert.Equal(SweepExpander.Expand(Random).Select(r => r.RunId), more.Take(20).Select(r => r.RunId));
        Assert.Equal(50, more.Select(r => r.RunId).Distinct().Count());
    }

    [Fact]
    public void RandomSearchOverASmallDiscreteSpaceDrawsEachPointOnce()
    {
        var small = Base with { Method = "random", RunCap = 6, Parameters = [Parameter("d_model: categorical 8,16"), Parameter("seed: int_uniform 1 3")] };

        var runs = SweepExpander.Expand(small);

        Assert.Equal(6, runs.Select(r => r.RunId).Distinct().Count());
        Assert.Equal(6, runs.Select(r => (r.Model.DModel, r.Training.Seed)).Distinct().Count());
    }

    [Fact]
    public void BayesMakesNoRunsUpFront() =>
        Assert.Empty(SweepExpander.Runs(Random with { Method = "bayes" }));

    [Fact]
    public void AMillionPointGridIsCheckedAndReadWithoutListingIt()
    {
        var spec = Base with
        {
            Grid = [new("d_model", [8, 16, 32, 64]), new("learning_rate", [.. Enumerable.Range(1, 1000).Select(i => i * 1e-4)]), new("seed", [.. Enumerable.Range(1, 250).Select(i => (double)i)])],
        };
        var last = SweepExpander.RunAt(spec, 999_999, [64, 0.1, 250]);
        var first = SweepExpander.Runs(spec).Take(3).ToList();

        Assert.Equal([1, 2, 3], first.Select(r => r.Training.Seed));
        Assert.Equal((999_999, 64, 250), (last.Index, last.Model.DModel, last.Training.Seed));
        Assert.Equal(["d_model", "learning_rate", "seed"], SweepExpander.Axes(spec));
    }

    [Fact]
    public void RunAtMakesTheRunThatRunsMakesAtItsPoint()
    {
        var run = SweepExpander.Expand(Random)[7];

        var again = SweepExpander.RunAt(Random, 7, SweepExpander.Points(Random).ElementAt(7));

        Assert.Equal(run, again);
    }

    [Fact]
    public void APointThatBreaksACrossFieldRuleIsRefusedNamingIt()
    {
        var spec = Base with { Parameters = [Parameter("d_model: categorical 8,16"), Parameter("heads: constant 4")] };

        var error = Assert.Throws<ArgumentException>(() => SweepExpander.RunAt(spec, 0, [6, 4]));

        Assert.Equal(2, SweepExpander.Expand(spec).Count);
        Assert.Equal("run at d_model=6, heads=4: model.heads (4) must divide model.d_model (6).", error.Message);
    }
}
