using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.Training;

public sealed class TrainerTests
{
    [Fact]
    public void TinyModelOverfitsOneBatch()
    {
        // A stream of exactly context + 1 tokens: every batch is the same window, so the model can memorise it.
        var random = new System.Random(3);
        var window = Enumerable.Range(0, 17).Select(_ => random.Next(32)).ToArray();
        var corpus = new TokenCorpus("one window", 32, window, window, null);
        using var trainer = new Trainer(TrainingFixtures.Model(32, 32), TrainingFixtures.Options(150), corpus, CPU);

        var (losses, final) = TrainingFixtures.Train(trainer);

        Assert.True(losses[0] > 3.0, $"the first loss {losses[0]} should be near ln 32");
        Assert.True(final.Loss < 0.05, $"the memorised window still costs {final.Loss} nats/token");
    }

    [Fact]
    public void LossReachesTheOptimumWhenDExceedsTheRankAndStaysAboveItWhenDIsFarBelow()
    {
        var corpus = TrainingFixtures.Markov(vocabulary: 64, rank: 16);
        var optimal = corpus.OptimalLoss!.Value;

        using var wide = new Trainer(TrainingFixtures.Model(64, d: 32), TrainingFixtures.Options(300), corpus, CPU);
        using var narrow = new Trainer(TrainingFixtures.Model(64, d: 2), TrainingFixtures.Options(300), corpus, CPU);
        var wideGap = TrainingFixtures.Train(wide).Final.Loss - optimal;
        var narrowGap = TrainingFixtures.Train(narrow).Final.Loss - optimal;

        Assert.True(Math.Abs(wideGap) < 0.04, $"d = 32 > R + 1 should reach the optimum; gap {wideGap}");
        Assert.True(narrowGap > 0.2, $"d = 2 << R = 16 should stay clearly above the optimum; gap {narrowGap}");
    }

    [Fact]
    public void OneSeedGivesIdenticalLosses()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        using var first = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(30), corpus, CPU);
        using var second = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(30), corpus, CPU);

        var (a, evalA) = TrainingFixtures.Train(first);
        var (b, evalB) = TrainingFixtures.Train(second);

        Assert.Equal(30, a.Count);
        Assert.Equal(a, b);
        Assert.Equal(evalA.Loss, evalB.Loss);
    }

    [Fact]
    public void AnotherSeedGivesOtherLosses()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        using var first = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(10), corpus, CPU);
        using var second = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(10) with { Seed = 8 }, corpus, CPU);

        Assert.NotEqual(TrainingFixtures.Train(first).Losses, TrainingFixtures.Train(second).Losses);
    }

    [Fact]
    public void LoopTimeIsTheTimeInRunAndAddsUpOverStretches()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        var options = TrainingFixtures.Options(40) with { CheckpointEvery = 20 };
        using var directory = new TemporaryDirectory();
        using var trainer = new Trainer(TrainingFixtures.Model(32, 8), options, corpus, CPU);
        Assert.Equal(TimeSpan.Zero, trainer.LoopTime);

        using var stop = new CancellationTokenSource();
        var first = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<OperationCanceledException>(() => trainer.Run(
            new TrainingCallbacks(OnCheckpoint: c => { if (c.Step == 20) stop.Cancel(); }), directory.Path, stop.Token));
        first.Stop();
        var firstLoop = trainer.LoopTime;
        var second = System.Diagnostics.Stopwatch.StartNew();
        trainer.Run(new TrainingCallbacks(), directory.Path, CancellationToken.None);
        second.Stop();

        // A stretch cut short by cancellation counts too; each is timed inside the call, so never above the time around it.
        Assert.InRange(firstLoop, TimeSpan.FromTicks(1), first.Elapsed);
        Assert.InRange(trainer.LoopTime - firstLoop, TimeSpan.FromTicks(1), second.Elapsed);
        Assert.Equal(40, trainer.Step);
    }

    [Fact]
    public void LiveTensorCountStaysFlatAcrossSteps()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        var options = TrainingFixtures.Options(60) with { EvalEvery = 10, CheckpointEvery = 10 };
        using var trainer = new Trainer(TrainingFixtures.Model(32, 8), options, corpus, CPU);
        var live = new List<long>();
        using var directory = new TemporaryDirectory();
        trainer.Run(new TrainingCallbacks(OnStep: _ => live.Add(DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount)),
            directory.Path, CancellationToken.None);

        // After the first steps (AdamW creates its moment buffers lazily) the count must not grow, evaluations and
        // checkpoints included. This catches tensors the trainer keeps; one it merely forgets to dispose can be freed by
        // the GC's finalizer before it is counted, so such a slip can pass here (a missing dispose in SaveCheckpoint once did).
        // Counting runs on this thread only, so tests running in parallel do not disturb it.
        Assert.Equal(60, live.Count);
        Assert.Equal(live[5], live[^1]);
        Assert.Equal(live[5], live.Skip(5).Max());
    }

    [Fact]
    public void ResumingFromACheckpointContinuesExactlyAsAnUninterruptedRun()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        var options = TrainingFixtures.Options(40) with { CheckpointEvery = 20 };
        using var directory = new TemporaryDirectory();
        using var straight = new Trainer(TrainingFixtures.Model(32, 8), options, corpus, CPU);
        var (expected, expectedEval) = TrainingFixtures.Train(straight);

        using var interrupted = new Trainer(TrainingFixtures.Model(32, 8), options, corpus, CPU);
        var firstHalf = new List<double>();
        using var stop = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() => interrupted.Run(
            new TrainingCallbacks(OnStep: m => firstHalf.Add(m.Loss), OnCheckpoint: c => { if (c.Step == 20) stop.Cancel(); }),
            directory.Path, stop.Token));

        using var resumed = new Trainer(TrainingFixtures.Model(32, 8), options, corpus, CPU);
        resumed.Resume(directory.PathOf("step-00000020.ckpt"));
        Assert.Equal(20, resumed.Step);
        var (secondHalf, resumedEval) = TrainingFixtures.Train(resumed);

        Assert.Equal(expected, firstHalf.Concat(secondHalf));
        Assert.Equal(expectedEval.Loss, resumedEval.Loss);
    }

    [Fact]
    public void ACheckpointOfAnotherConfigIsRefused()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        using var directory = new TemporaryDirectory();
        using var trainer = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(2), corpus, CPU);
        var path = trainer.SaveCheckpoint(directory.Path);
        using var other = new Trainer(TrainingFixtures.Model(32, 16), TrainingFixtures.Options(2), corpus, CPU);

        var error = Assert.Throws<ArgumentException>(() => other.Resume(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ANonFiniteLossStopsTrainingAsDiverged()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        using var trainer = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(50, learningRate: 1e6) with { GradientClip = 0 },
            corpus, CPU);

        var diverged = Assert.Throws<TrainingDivergedException>(() => TrainingFixtures.Train(trainer));
        Assert.InRange(diverged.Step, 1, 50);
    }
}
