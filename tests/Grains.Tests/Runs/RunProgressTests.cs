using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Runs;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrleansSweep.Grains.Tests.Runs;

public sealed class RunProgressTests
{
    private static readonly RunSpec Spec = new(
        "sweep", "run-1", new CorpusSpec { Vocabulary = 32 }, new ModelSpec { Context = 16, DModel = 8, Layers = 1, Heads = 1 }, new TrainingSpec())
    {
        MaxFailures = 8,
    };

    private readonly TrainingRunState state = new();
    private readonly RunProgress progress;

    public RunProgressTests()
    {
        progress = new RunProgress(state);
        progress.Start(Spec);
    }

    private static TrainingEvent Step(int step, double loss = 2) => new(Step: new StepMetrics(step, loss, 1e-3, 0.5, 1000));

    private static TrainingEvent Eval(int step, double loss) => new(Eval: new EvalResult(step, loss, 0.01, 512));

    private static TrainingEvent Checkpoint(int step) => new(Checkpoint: new CheckpointInfo(step, $"/checkpoints/run-1/step-{step}.ckpt"));

    [Fact]
    public void TheFirstStartRecordsTheSpecAndALaterOneOnlyResumesAPausedRun()
    {
        Assert.Equal(Spec, state.Summary!.Spec);
        Assert.Equal(RunState.Running, state.Summary.State);
        Assert.True(state.Summary.Parameters > state.Summary.NonEmbeddingParameters);
        Assert.False(progress.Start(Spec with { RunId = "another" }));
        Assert.Equal("run-1", state.Summary.Spec.RunId);

        progress.Stop(RunState.Paused);

        Assert.True(progress.Start(Spec));
        Assert.Equal(RunState.Running, state.Summary.State);
    }

    [Fact]
    public void AStepRecordsItsFourSeriesAndTheSummarysHeadline()
    {
        progress.Apply(new TrainingEvent(Step: new StepMetrics(10, 2.5, 1e-3, 0.7, 1234)));

        Assert.Equal(2.5, state.Series[MetricNames.TrainLoss][10]);
        Assert.Equal(1e-3, state.Series[MetricNames.LearningRate][10]);
        Assert.Equal(0.7, state.Series[MetricNames.GradientNorm][10]);
        Assert.Equal(1234, state.Series[MetricNames.TokensPerSecond][10]);
        Assert.Equal((10, 2.5, 1234.0), (state.Summary!.Step, state.Summary.TrainLoss, state.Summary.TokensPerSecond));
    }

    [Fact]
    public void EvaluationsKeepTheBestAndTheLatest()
    {
        progress.Apply([Eval(0, 3.0), Eval(20, 2.0), Eval(40, 2.2)]);

        var summary = state.Summary!;
        Assert.Equal((2.0, 20), (summary.BestEvalLoss, summary.BestEvalStep));
        Assert.Equal((2.2, 0.01), (summary.FinalEvalLoss, summary.FinalEvalStandardError));
        Assert.Equal([0, 20, 40], progress.Series(MetricNames.EvalLoss).Steps);
        Assert.Equal([0.01, 0.01, 0.01], progress.Series(MetricNames.EvalStandardError).Values);
    }

    [Fact]
    public void ACheckpointIsWhatTheStateVouchesForAndNeverMovesTheStepBack()
    {
        var checkpoints = progress.Apply([Step(20), Checkpoint(20), Step(25), Checkpoint(22)]);

        Assert.Equal([20, 22], checkpoints.Select(c => c.Step));
        Assert.Equal(22, state.CheckpointStep);
        Assert.Equal("/checkpoints/run-1/step-22.ckpt", state.Summary!.CheckpointPath);
        Assert.Equal(25, state.Summary.Step);
    }

    [Fact]
    public void EachMetricHoldsOneValuePerStep()
    {
        progress.Apply([Step(10, loss: 3), Eval(10, 2.9), Step(10, loss: 2.5), Eval(10, 2.7)]);

        Assert.Equal([10], progress.Series(MetricNames.TrainLoss).Steps);
        Assert.Equal([2.5], progress.Series(MetricNames.TrainLoss).Values);
        Assert.Equal([2.7], progress.Series(MetricNames.EvalLoss).Values);
        Assert.Empty(progress.Series("no such metric").Steps);
    }

    [Fact]
    public void AResumeCutsTheSeriesBackToItsCheckpointStep()
    {
        progress.Apply([Step(10), Eval(10, 2.5), Checkpoint(20), Step(20), Eval(20, 2.4), Step(30), Eval(30, 2.3)]);

        progress.Resume(new CheckpointInfo(20, "/checkpoints/run-1/step-20.ckpt"), "silo-b", DateTime.UtcNow);

        Assert.Equal([10, 20], progress.Series(MetricNames.TrainLoss).Steps);
        Assert.Equal([10, 20], progress.Series(MetricNames.EvalLoss).Steps);
        Assert.Equal(20, state.CheckpointStep);
        Assert.Equal((20, "/checkpoints/run-1/step-20.ckpt"), (state.Summary!.Step, state.Summary.CheckpointPath));
    }

    [Fact]
    public void ACorruptNewestCheckpointMeansTheSeriesAreCutBackToTheOlderOne()
    {
        using var root = new TemporaryDirectory();
        var directory = new RunCheckpointDirectory(root.Path, "run-1", NullLogger.Instance);
        progress.Apply([Step(10), Checkpoint(10), Step(20), Checkpoint(20)]);
        TestCheckpoints.Write(directory, 10);
        TestCheckpoints.Tear(TestCheckpoints.Write(directory, 20));

        progress.Resume(directory.NewestVerified(state.CheckpointStep), "silo-b", DateTime.UtcNow);

        Assert.Equal(10, state.CheckpointStep);
        Assert.Equal([10], progress.Series(MetricNames.TrainLoss).Steps);
        Assert.Equal((10, directory.PathOf(10)), (state.Summary!.Step, state.Summary.CheckpointPath));
    }

    [Fact]
    public void WithoutACheckpointTheRunRestartsFromStepZeroWithNoSeries()
    {
        progress.Apply([Eval(0, 3.0), Step(10), Checkpoint(10), Step(20)]);

        progress.Resume(null, "silo-b", DateTime.UtcNow);

        Assert.Equal(0, state.CheckpointStep);
        Assert.Empty(state.Series);
        Assert.Equal((0, null), (state.Summary!.Step, state.Summary.CheckpointPath));
    }

    [Fact]
    public void TrainingAgainOnASiloIsAResumeButTheFirstTrainingIsNot()
    {
        var (first, second) = (new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 1, 1, 0, 0, DateTimeKind.Utc));

        progress.Resume(null, "silo-a", first);
        Assert.Empty(state.Summary!.Resumes);
        Assert.Equal("silo-a", state.Summary.Silo);

        progress.Apply([Step(20), Checkpoint(20)]);
        progress.Resume(new CheckpointInfo(20, "/checkpoints/run-1/step-20.ckpt"), "silo-b", second);

        Assert.Equal([new RunResume(second, "silo-b", 20)], state.Summary.Resumes);
        Assert.Equal("silo-b", state.Summary.Silo);
    }

    [Fact]
    public void EachFailureBacksOffLongerUpToAMinuteAndTheLastAllowedFailsTheRun()
    {
        var backoffs = Enumerable.Range(1, Spec.MaxFailures - 1).Select(i => progress.Fail($"error {i}")).ToList();

        Assert.Equal([2, 4, 8, 16, 32, 60, 60], backoffs.Select(b => b!.Value.TotalSeconds));
        Assert.Equal((RunState.Running, 7, "error 7"), (state.Summary!.State, state.Summary.Failures, state.Summary.Error));

        Assert.Null(progress.Fail("the last straw"));
        Assert.Equal((RunState.Failed, 8, "the last straw"), (state.Summary.State, state.Summary.Failures, state.Summary.Error));
    }

    [Fact]
    public void ADivergedRunEndsAtTheStepItsLossStoppedBeingFinite()
    {
        progress.Apply([Step(30), Checkpoint(30)]);

        progress.Diverge(37, "diverged at step 37: loss NaN");

        Assert.Equal((RunState.Diverged, 37, "diverged at step 37: loss NaN"), (state.Summary!.State, state.Summary.Step, state.Summary.Error));
        Assert.Equal(0, state.Summary.Failures);
    }

    [Fact]
    public void CompletingClearsTheErrorOfAFailureARetryGotPast()
    {
        progress.Fail("a bad moment");

        progress.Complete();

        Assert.Equal((RunState.Completed, null, 1), (state.Summary!.State, state.Summary.Error, state.Summary.Failures));
    }

    [Fact]
    public void OnlyARunThatHasNotEndedIsPausedOrCancelled()
    {
        Assert.True(progress.Stop(RunState.Paused));
        Assert.False(progress.Stop(RunState.Paused));
        Assert.True(progress.Stop(RunState.Cancelled));
        Assert.False(progress.Stop(RunState.Paused));
        Assert.Equal(RunState.Cancelled, state.Summary!.State);
    }

    [Fact]
    public void SeriesStoredUnderTheirOldNamesAreReadUnderTheNewOnes()
    {
        state.Series["lr"] = new SortedDictionary<int, double> { [10] = 1e-3 };
        state.Series["tokens_per_s"] = new SortedDictionary<int, double> { [10] = 5000 };

        progress.RenameLegacySeries();

        Assert.Equal([1e-3], progress.Series(MetricNames.LearningRate).Values);
        Assert.Equal([5000.0], progress.Series(MetricNames.TokensPerSecond).Values);
        Assert.DoesNotContain("lr", state.Series.Keys);
        Assert.DoesNotContain("tokens_per_s", state.Series.Keys);
    }

    [Fact]
    public void TrainingThatStopsByItselfCompletesDivergesOrCountsAFailure()
    {
        Assert.Null(progress.End(new TrainingDivergedException(7, double.NaN)));
        Assert.Equal((RunState.Diverged, 7), (state.Summary!.State, state.Summary.Step));

        var failingState = new TrainingRunState();
        var failing = new RunProgress(failingState);
        failing.Start(Spec);
        Assert.Equal(TimeSpan.FromSeconds(2), failing.End(new TrainingFailedException(new IOException("disk full"))));
        Assert.Equal((RunState.Running, 1, "disk full"), (failingState.Summary!.State, failingState.Summary.Failures, failingState.Summary.Error));
        Assert.Null(failing.End(null));
        // A retry that got past the error completes the run and leaves no error behind, but the failure stays counted.
        Assert.Equal((RunState.Completed, 1, (string?)null), (failingState.Summary.State, failingState.Summary.Failures, failingState.Summary.Error));
    }

    [Fact]
    public void EachStretchOfTheTrainingLoopAddsItsSecondsToTheSummary()
    {
        Assert.Null(state.Summary!.TrainingSeconds);

        progress.Apply([Step(10), Checkpoint(10), new TrainingEvent(LoopSeconds: 0.25)]);
        progress.Resume(new CheckpointInfo(10, "/checkpoints/run-1/step-10.ckpt"), "silo-b", DateTime.UtcNow);
        progress.Apply([Step(20), new TrainingEvent(LoopSeconds: 0.5)]);

        Assert.Equal(0.75, state.Summary!.TrainingSeconds);
        Assert.Equal(20, state.Summary.Step);
    }
}
