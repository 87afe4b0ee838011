using OrleansSweep.Abstractions;

namespace OrleansSweep.Tests;

/// <summary>Sweeps small enough to train in about a second per run on one core.</summary>
public static class TinySweeps
{
    public static readonly CorpusSpec Corpus = new() { Vocabulary = 32, Rank = 4, TrainTokens = 1 << 14, HeldOutTokens = 1 << 11 };

    public static readonly ModelSpec Model = new() { Context = 16, DModel = 8, Layers = 1, Heads = 1 };

    /// <summary><paramref name="steps"/> steps of 8 sequences, evaluated on 512 tokens and checkpointed every 20 steps.</summary>
    public static TrainingSpec Training(int steps) => new()
    {
        Steps = steps, BatchSize = 8, LearningRate = 1e-2, WarmupSteps = 5, EvalEvery = 20, EvalTokens = 512, CheckpointEvery = 20,
    };

    public static SweepSpec Create(string name, int steps, IReadOnlyList<GridAxis> grid, int maxConcurrent = 2) => new()
    {
        Name = name,
        Corpus = Corpus,
        Model = Model,
        Training = Training(steps),
        Grid = grid,
        MaxConcurrent = maxConcurrent,
        // Probing adds evaluations and checkpoints at its steps; the sweeps that test probes ask for them.
        Probes = new ProbeSpec { Kinds = [] },
    };

    /// <summary>Probes every 20 steps and at 1, 2, 4, 8, 16, on 256 positions.</summary>
    public static readonly ProbeSpec Probes = new() { Every = 20, Positions = 256 };
}
