using OrleansSweep.Grains.Sweeps;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>The coordinator's rules, without a cluster: relaunch, capacity, run_cap, phases and what is planned.</summary>
public sealed class SweepProgressTests
{
    private readonly SweepState state = new();
    private readonly SweepProgress progress;
    private readonly SweepSpec spec = TinySweeps.Create("rules", steps: 10, [new GridAxis("seed", [1, 2, 3, 4])], maxConcurrent: 2);

    public SweepProgressTests()
    {
        progress = new SweepProgress(state, "rules");
        progress.Launch(spec, "tiny", 1.5);
    }

    [Fact]
    public void ALaunchedSweepPlansEveryGridPointAndStartsRunsOnlyWhileActiveAndBelowCapacity()
    {
        Assert.Equal(4, progress.Planned);
        Assert.True(progress.MayStart(1));
        Assert.False(progress.MayStart(2));
        progress.Enter(SweepPhase.Paused);
        Assert.False(progress.MayStart(0));
    }

    [Fact]
    public void CapacityIsStoredInTheSpecAndMustBePositive()
    {
        progress.SetMaxConcurrent(1);

        Assert.Equal(1, state.Spec!.MaxConcurrent);
        Assert.False(progress.MayStart(1));
        Assert.Throws<ArgumentException>(() => progress.SetMaxConcurrent(0));
    }

    [Fact]
    public void RelaunchingChangesOnlyMaxConcurrentOrALargerRunCapAndRefusesAnyOtherDifference()
    {
        Assert.False(progress.Relaunch(spec));
        Assert.True(progress.Relaunch(spec with { MaxConcurrent = 3 }));
        Assert.Equal(3, state.Spec!.MaxConcurrent);

        var error = Assert.Throws<ArgumentException>(() => progress.Relaunch(spec with { MaxFailures = 9 }));
        Assert.Equal("sweep 'rules' already exists with a different spec; choose another name.", error.Message);

        state.Created = 4;
        Assert.True(progress.Relaunch(spec with { MaxConcurrent = 3, RunCap = 4 }));
        Assert.Equal("run_cap (2) is below the 4 runs sweep 'rules' has created already; it can only grow.",
            Assert.Throws<ArgumentException>(() => progress.Relaunch(spec with { RunCap = 2 })).Message);
    }

    [Fact]
    public void ACancelledSweepPlansOnlyTheRunsItCreatedAndCannotPauseOrResume()
    {
        state.Created = 3;
        progress.Enter(SweepPhase.Cancelled);

        Assert.Equal(3, progress.Planned);
        Assert.Equal("sweep 'rules' was cancelled and cannot resume; launch its spec under another name.",
            Assert.Throws<ArgumentException>(() => progress.Enter(SweepPhase.Active)).Message);
        Assert.Contains("cannot pause", Assert.Throws<ArgumentException>(() => progress.Enter(SweepPhase.Paused)).Message);
    }

    [Fact]
    public void ARetryTakesFailedOrStoppedRunsOfASweepNotCancelled()
    {
        progress.CheckRetry([RunState.Failed, RunState.Stopped]);

        Assert.StartsWith("diverged runs are not retried", Assert.Throws<ArgumentException>(() => progress.CheckRetry([RunState.Diverged])).Message);
        Assert.Equal("--state takes failed or stopped, not completed.", Assert.Throws<ArgumentException>(() => progress.CheckRetry([RunState.Completed])).Message);
        progress.Enter(SweepPhase.Cancelled);
        Assert.Contains("was cancelled", Assert.Throws<ArgumentException>(() => progress.CheckRetry([RunState.Failed])).Message);
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
