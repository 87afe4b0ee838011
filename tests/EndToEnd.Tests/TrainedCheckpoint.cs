using OrleansSweep.Abstractions;
using OrleansSweep.Client.Specs;
using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Runs;
using OrleansSweep.Grains.Sweeps;
using static TorchSharp.torch;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>A spec file and a checkpoint of its one run, trained here as a silo would train it.</summary>
public sealed class TrainedCheckpoint : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public TrainedCheckpoint()
    {
        SpecPath = directory.Write("tiny.yaml", SpecYaml.Of(new SweepSpec
        {
            Name = "tiny",
            Corpus = TinySweeps.Corpus,
            Model = TinySweeps.Model,
            Training = new TrainingSpec { Steps = 60, BatchSize = 8, LearningRate = 0.01, WarmupSteps = 5, EvalTokens = 512 },
        }));
        var run = SweepExpander.Expand(SweepSpecYaml.Load(SpecPath)).Single();
        var corpus = new CorpusCatalog(directory.Path).Get(run.Corpus);
        using var trainer = new Trainer(RunSpecMapping.ToGptConfig(run, corpus.VocabularySize), RunSpecMapping.ToTrainerOptions(run), corpus, CPU);
        trainer.Run(new TrainingCallbacks(), null, CancellationToken.None);
        FinalEvalLoss = trainer.Evaluate().Loss;
        CheckpointPath = trainer.SaveCheckpoint(directory.Path);
    }

    public string SpecPath { get; }

    public string CheckpointPath { get; }

    /// <summary>The trained model's held-out loss on the run's own eval tokens.</summary>
    public double FinalEvalLoss { get; }

    public void Dispose() => directory.Dispose();
}
