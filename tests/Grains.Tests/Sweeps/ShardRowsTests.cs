using OrleansSweep.Grains.Sweeps.Shards;
using OrleansSweep.Grains.Sweeps;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>One shard's rows without a cluster: adding twice, reports that cannot undo an end, paging by state, cancelling.</summary>
public sealed class ShardRowsTests
{
    private readonly SweepShardState state = new();
    private readonly ShardRows rows;
    private readonly SweepSpec spec = TinySweeps.Create("rows", steps: 10, [new GridAxis("seed", [1, 2, 3, 4])], maxConcurrent: 2);

    public ShardRowsTests()
    {
        rows = new ShardRows(state);
        rows.Add([Row(128), Row(129), Row(130)]);
    }

    private static RunRow Row(int index) => new() { Index = index, Point = [index], State = RunState.Pending };

    private RunSummary Summary(int index, RunState runState) =>
        new() { Spec = SweepExpander.Expand(spec)[0] with { Index = index }, State = runState };

    [Fact]
    public void AddingRowsAgainKeepsThoseHeldAndAppendsOnlyNewOnes()
    {
        rows.Set(Row(129) with { State = RunState.Running });

        var added = rows.Add([Row(129), Row(130), Row(131)]);

        Assert.Equal([131], added);
        Assert.Equal([128, 129, 130, 131], state.Rows.Select(r => r.Index));
        Assert.Equal(RunState.Running, state.Rows[1].State);
    }

    [Fact]
    public void CountsAreDerivedFromTheRowsSoARepeatedReportIsCountedOnce()
    {
        rows.Report(Summary(128, RunState.Completed));
        var change = rows.Report(Summary(128, RunState.Completed));

        Assert.Equal(1, change.Counts[(int)RunState.Completed]);
        Assert.Equal(2, change.Counts[(int)RunState.Pending]);
    }

    [Fact]
    public void AReportCannotUndoAnEndButTheCoordinatorMaySetARowAgain()
    {
        rows.Report(Summary(129, RunState.Stopped));

        var late = rows.Report(Summary(129, RunState.Running) with { Step = 9 });

        Assert.Equal(RunState.Stopped, late.Current.State);
        Assert.Equal(late.Previous, late.Current);
        var retried = rows.Set(late.Current with { State = RunState.Paused });
        Assert.Equal(RunState.Paused, retried.Current.State);
        Assert.Throws<ArgumentException>(() => rows.Report(Summary(7, RunState.Running)));
    }

    [Fact]
    public void PagesSkipAndTakeWithinOneStateInIndexOrder()
    {
        rows.Report(Summary(128, RunState.Running));
        rows.Report(Summary(130, RunState.Running));

        Assert.Equal([130], rows.Page(RunState.Running, 1, 5).Select(r => r.Index));
        Assert.Equal([129], rows.Page(RunState.Pending, 0, 5).Select(r => r.Index));
        Assert.Equal([129, 130], rows.Page(null, 1, 2).Select(r => r.Index));
    }

    [Fact]
    public void CancellingTouchesOnlyPendingRows()
    {
        rows.Report(Summary(128, RunState.Running));

        var changes = rows.CancelPending();

        Assert.Equal([129, 130], changes.Select(c => c.Current.Index));
        Assert.Equal([RunState.Running, RunState.Cancelled, RunState.Cancelled], state.Rows.Select(r => r.State));
    }
}
