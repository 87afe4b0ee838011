using OrleansSweep.Grains.Sweeps;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>What a coordinator derives from its rows, without a cluster: counts, where a page lies, the ranking, the groups.</summary>
public sealed class SweepIndexTests
{
    private static readonly SweepSpec Spec = TinySweeps.Create("index", steps: 10,
        [new GridAxis("d_model", [8, 16]), new GridAxis("seed", [1, 2, 3])], maxConcurrent: 2);

    private readonly SweepIndex index = new(Spec, ["d_model", "seed"], [true, true]);
    private readonly int[][] shardCounts = [new int[8], new int[8], new int[8]];

    private void Put(int i, RunState state, double? loss = null, double? best = null)
    {
        var point = new double[] { i % 2 == 0 ? 8 : 16, i };
        var summary = loss is null ? null : new RunSummary
        {
            Spec = SweepExpander.Expand(Spec)[0] with { Index = i },
            State = state, FinalEvalLoss = loss, BestEvalLoss = best ?? loss, FinalEvalStandardError = 0.001,
        };
        var shard = i / ISweepShardGrain.Size;
        index.Apply(new RowChange(null, new RunRow { Index = i, Point = point, State = state, Summary = summary }, shardCounts[shard]));
    }

    private void Count(int shard, RunState state, int n)
    {
        shardCounts[shard][(int)state] = n;
        index.SetCounts(shard, shardCounts[shard]);
    }

    [Fact]
    public void CountsSumTheShardsAndAShardSayingTheSameAgainCountsOnce()
    {
        Count(0, RunState.Pending, 100);
        Count(1, RunState.Pending, 28);
        Count(1, RunState.Pending, 28);
        Count(1, RunState.Running, 2);

        Assert.Equal((128, 2, 130), (index.Counts.Pending, index.Counts.Running, index.Counts.Total));
    }

    [Fact]
    public void APageIsLocatedFromTheCountsAcrossShardBoundaries()
    {
        Count(0, RunState.Pending, 3);
        Count(1, RunState.Pending, 0);
        Count(2, RunState.Pending, 5);

        Assert.Equal([(0, 2, 1), (2, 0, 3)], index.Locate(RunState.Pending, 2, 4).ToList());
        Assert.Empty(index.Locate(RunState.Pending, 8, 4));
        Assert.Equal([(2, 1, 4)], index.Locate(RunState.Pending, 4, 9).ToList());
    }

    [Fact]
    public void TheRankingFollowsEachRunsLatestValueAndTheVersionChangesWithEveryRow()
    {
        var before = index.Version;
        Put(0, RunState.Running, 3.0);
        Put(1, RunState.Running, 2.0);
        Put(2, RunState.Running, 2.5);
        Put(1, RunState.Completed, 4.0);

        Assert.Equal([2, 0, 1], index.Top(3));
        Assert.Equal([2], index.Top(1));
        Put(2, RunState.Diverged, 1.0);
        Assert.Equal([0, 1, 2], index.Top(3));
        Assert.True(index.Version > before);
    }

    [Fact]
    public void GroupsAverageOverSeedsAndCountSaturatedRuns()
    {
        var grouped = new SweepIndex(Spec, ["d_model", "seed"], [true, true]);
        foreach (var (i, loss, best) in new[] { (0, 2.0, 2.0), (2, 3.0, 2.5), (1, 5.0, 5.0) })
        {
            var summary = new RunSummary { Spec = SweepExpander.Expand(Spec)[0] with { Index = i }, State = RunState.Completed, FinalEvalLoss = loss, BestEvalLoss = best };
            grouped.Apply(new RowChange(null, new RunRow { Index = i, Point = [i % 2 == 0 ? 8 : 16, i], State = RunState.Completed, Summary = summary }, new int[8]));
        }

        var groups = grouped.Groups(1, 10);

        Assert.Equal(2, grouped.GroupCount);
        Assert.Equal([new AxisValue("d_model", 8)], groups[0].Axes);
        Assert.Equal((2.0, 2.5, Math.Sqrt(0.5), 2, 1), (groups[0].Best!.Value, groups[0].Mean!.Value, groups[0].StandardDeviation!.Value, groups[0].Measured, groups[0].Saturated));
        Assert.Equal((5.0, 1, 0), (groups[1].Mean!.Value, groups[1].Measured, groups[1].Saturated));
    }

    [Fact]
    public void AGroupTakesEachRunsLatestValueInPlaceOfItsLastOne()
    {
        Put(0, RunState.Running, 3.0);
        Put(2, RunState.Running, 2.0);
        Put(0, RunState.Completed, 1.0);
        Put(2, RunState.Completed, 2.0);

        var group = index.Groups(1, 10)[0];

        Assert.Equal((2, 2, 0), (group.Measured, group.Counts.Completed, group.Counts.Running));
        Assert.Equal((1.0, 1.5), (group.Best!.Value, group.Mean!.Value));
        Assert.Equal(Math.Sqrt(0.5), group.StandardDeviation!.Value, 12);
    }
}
