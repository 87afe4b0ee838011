using OrleansSweep.Client.Specs;
using OrleansSweep.Compute.Training;
using OrleansSweep.EndToEnd.Tests.Hosting;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Runs;
using OrleansSweep.Grains.Sweeps;
using static TorchSharp.torch;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>A spec file and a checkpoint of its one run, trained here as a silo would train it.</summary>
public sealed class TrainedCheckpoint : IDisposable
{
    private readonly TempDirectory directory = new();

    public TrainedCheckpoint()
    {
        SpecPath = Path.Combine(directory.Path, "tiny.yaml");
        File.WriteAllText(SpecPath, """
            name: tiny
            corpus:
              vocabulary: 32
              rank: 4
              train_tokens: 16384
              held_out_tokens: 2048
            model:
              context: 16
              d_model: 8
              layers: 1
              heads: 1
            training:
              steps: 60
              batch_size: 8
              learning_rate: 0.01
              warmup_steps: 5
              eval_tokens: 512
            """);
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
