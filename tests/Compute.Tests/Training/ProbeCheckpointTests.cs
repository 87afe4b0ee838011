using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.Training;

/// <summary>The trainer's extra evaluations and checkpoints for the probes, and reading those checkpoints back.</summary>
public sealed class ProbeCheckpointTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void ProbeStepsAreEvaluatedAndCheckpointedWithoutChangingTheTrainedValues()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        var options = TrainingFixtures.Options(12) with { CheckpointEvery = 10 };
        using var plain = new Trainer(TrainingFixtures.Model(32, 8), options, corpus, CPU);
        using var probed = new Trainer(TrainingFixtures.Model(32, 8), options, corpus, CPU);
        var plainLosses = new List<double>();
        var probedLosses = new List<double>();
        var evaluated = new List<int>();

        plain.Run(new TrainingCallbacks(OnStep: m => plainLosses.Add(m.Loss)), checkpointDirectory: null, CancellationToken.None);
        probed.Run(new TrainingCallbacks(OnStep: m => probedLosses.Add(m.Loss), OnEval: e => evaluated.Add(e.Step)),
            directory.Path, CancellationToken.None, probeSteps: new HashSet<int> { 1, 2, 4, 8 });

        Assert.Equal(plainLosses, probedLosses);
        Assert.Equal([0, 1, 2, 4, 8, 12], evaluated);
        Assert.Equal([1, 2, 4, 8, 10, 12], CheckpointFile.InDirectory(directory.Path).Select(c => c.Step));
    }

    [Fact]
    public void ALoadedCheckpointModelComputesWhatTheTrainedModelComputed()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        using var trainer = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(5), corpus, CPU);
        TrainingFixtures.Train(trainer);
        var path = trainer.SaveCheckpoint(directory.Path);
        using var input = tensor(corpus.HeldOut[..16].Select(t => (long)t).ToArray(), [1, 16]);
        trainer.Model.eval();
        using var expected = trainer.Model.call(input);

        using var loaded = CheckpointFile.LoadModel(path, CPU);
        loaded.eval();
        using var actual = loaded.call(input);

        Assert.Equal(trainer.Model.Config, loaded.Config);
        Assert.True(actual.equal(expected).all().item<bool>(), "the loaded model's logits differ from the trained model's");
    }

    [Fact]
    public void OnlyCheckpointNamesAreListedInStepOrder()
    {
        foreach (var name in new[] { CheckpointFile.Name(20), CheckpointFile.Name(3), "step-7.ckpt", "step-00000005.ckpt.tmp", "notes.txt" })
            File.WriteAllText(directory.PathOf(name), "");

        Assert.Equal([3, 20], CheckpointFile.InDirectory(directory.Path).Select(c => c.Step));
        Assert.Empty(CheckpointFile.InDirectory(directory.PathOf("missing")));
    }
}
