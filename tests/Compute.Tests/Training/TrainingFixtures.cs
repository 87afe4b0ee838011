using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.Training;

/// <summary>Small configurations that train in a second or two on one CPU core.</summary>
internal static class TrainingFixtures
{
    public static TokenCorpus Markov(int vocabulary, int rank, int seed = 1) =>
        CorpusLoader.FromLowRankMarkov(new LowRankMarkovParameters(vocabulary, rank, Seed: seed), 1 << 17, 1 << 13);

    public static GptConfig Model(int vocabulary, int d, int layers = 1, int context = 16) =>
        new() { VocabularySize = vocabulary, ContextLength = context, DModel = d, Layers = layers, Heads = 1 };

    public static TrainerOptions Options(int steps, double learningRate = 1e-2) => new()
    {
        Steps = steps, BatchSize = 16, LearningRate = learningRate, WarmupSteps = steps / 20, EvalEvery = steps,
        EvalTokens = 4096, LogEvery = 1, CheckpointEvery = 0, Seed = 7,
    };

    /// <summary>Trains to the end and returns every logged train loss and the last evaluation.</summary>
    public static (List<double> Losses, EvalResult Final) Train(Trainer trainer, string? checkpoints = null)
    {
        var losses = new List<double>();
        EvalResult? final = null;
        trainer.Run(new TrainingCallbacks(OnStep: m => losses.Add(m.Loss), OnEval: e => final = e), checkpoints, CancellationToken.None);
        return (losses, final!);
    }
}
