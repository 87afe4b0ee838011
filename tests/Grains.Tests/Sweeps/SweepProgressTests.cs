using OrleansSweep.Grains.Sweeps;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>The coordinator's rules, without a cluster: relaunch, capacity, phases, reports, and which run starts next.</summary>
public sealed class SweepProgressTests
{
    private readonly SweepState state = new();
    private readonly SweepProgress progress;
    private readonly SweepSpec spec = TinySweeps.Create("rules", steps: 10, [new GridAxis("seed", [1, 2, 3, 4])], maxConcurrent: 2);

    public SweepProgressTests()
    {
        progress = new SweepProgress(state, "rules");
        progress.Launch(spec, SweepExpander.Expand(spec), "tiny", 1.5);
    }

    private RunSummary RunAt(int index, RunState runState) => state.Runs[index] with { State = runState };

    [Fact]
    public void ALaunchedSweepHasItsRunsPendingInGridOrderAndStartsTheFirstUpToCapacity()
    {
        Assert.All(state.Runs, r => Assert.Equal(RunState.Pending, r.State));
        Assert.Equal(state.Runs[0], progress.Next());

        progress.Replace(RunAt(0, RunState.Running));
        progress.Replace(RunAt(1, RunState.Running));

        Assert.Null(progress.Next());
        var status = progress.Status();
        Assert.Equal(("rules", 2, "tiny", 1.5), (status.SweepId, status.MaxConcurrent, status.CorpusDescription, status.OptimalLoss));
    }

    [Fact]
    public void PausedRunsStartBeforePendingOnesAndNothingStartsUnlessTheSweepIsActive()
    {
        progress.Replace(RunAt(2, RunState.Paused));

        Assert.Equal(state.Runs[2], progress.Next());
        progress.Enter(SweepPhase.Paused);
        Assert.Null(progress.Next());
    }

    [Fact]
    public void LoweringCapacityStoresItInTheSpecAndNamesTheLastStartedRunsBeyondIt()
    {
        for (var i = 0; i < 3; i++) progress.Replace(RunAt(i, RunState.Running));

        var excess = progress.SetMaxConcurrent(1);

        Assert.Equal([state.Runs[1].Spec.RunId, state.Runs[2].Spec.RunId], excess.Select(r => r.Spec.RunId));
        Assert.Equal(1, state.Spec!.MaxConcurrent);
        Assert.Equal(1, progress.Status().MaxConcurrent);
        Assert.Throws<ArgumentException>(() => progress.SetMaxConcurrent(0));
    }

    [Fact]
    public void RelaunchingChangesCapacityOnlyWhenMaxConcurrentDiffersAndRefusesAnyOtherDifference()
    {
        Assert.False(progress.ChangesCapacity(spec));
        progress.SetMaxConcurrent(3);

        Assert.True(progress.ChangesCapacity(spec));
        var error = Assert.Throws<ArgumentException>(() => progress.ChangesCapacity(spec with { MaxFailures = 9 }));
        Assert.Equal("sweep 'rules' already exists with a different spec; choose another name.", error.Message);
    }

    [Fact]
    public void AReportIsStoredOnlyWhenItChangesTheRunsStateAndNeverUndoesAnEnd()
    {
        progress.Replace(RunAt(0, RunState.Running));

        Assert.False(progress.Report(RunAt(0, RunState.Running) with { Step = 5 }));
        Assert.Equal(5, state.Runs[0].Step);
        Assert.True(progress.Report(RunAt(0, RunState.Completed)));
        Assert.False(progress.Report(RunAt(0, RunState.Running) with { Step = 7 }));
        Assert.Equal(RunState.Completed, state.Runs[0].State);
        Assert.False(progress.Report(RunAt(0, RunState.Running) with { Spec = state.Runs[0].Spec with { RunId = "other" } }));
    }

    [Fact]
    public void CancellingEndsThePendingRunsHereAndACancelledSweepCannotPauseOrResume()
    {
        progress.Replace(RunAt(0, RunState.Running));
        progress.Enter(SweepPhase.Cancelled);

        var toStop = progress.CancelPending();

        Assert.Equal([state.Runs[0].Spec.RunId], toStop.Select(r => r.Spec.RunId));
        Assert.All(state.Runs.Skip(1), r => Assert.Equal(RunState.Cancelled, r.State));
        Assert.Equal("sweep 'rules' was cancelled and cannot resume; launch its spec under another name.",
            Assert.Throws<ArgumentException>(() => progress.Enter(SweepPhase.Active)).Message);
        Assert.Contains("cannot pause", Assert.Throws<ArgumentException>(() => progress.Enter(SweepPhase.Paused)).Message);
    }

    [Fact]
    public void ASweepThatWasNeverLaunchedIsNamedInOneSentence()
    {
        var none = new SweepProgress(new SweepState(), "ghost");

        Assert.False(none.Exists);
        Assert.Equal("no sweep has the id 'ghost'.", Assert.Throws<ArgumentException>(() => none.Enter(SweepPhase.Paused)).Message);
    }

    [Fact]
    public void TheNgramEstimateIsAskedForOnlyWithAnOrderOfTwoOrMore()
    {
        Assert.Equal((2, 2), (progress.NgramRequest()!.Order, progress.NgramRequest()!.MinCount));

        state.Spec = spec with { Analysis = new AnalysisSpec { NgramOrder = 0 } };

        Assert.Null(progress.NgramRequest());
    }
}
