namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>Sweeps small enough to train in about a second per run on one core.</summary>
public static class TinySweeps
{
    public static readonly CorpusSpec Corpus = new() { Vocabulary = 32, Rank = 4, TrainTokens = 1 << 14, HeldOutTokens = 1 << 11 };

    public static SweepSpec Create(string name, int steps, IReadOnlyList<GridAxis> grid, int maxConcurrent = 2) => new()
    {
        Name = name,
        Corpus = Corpus,
        Model = new ModelSpec { Context = 16, DModel = 8, Layers = 1, Heads = 1 },
        Training = new TrainingSpec
        {
            Steps = steps, BatchSize = 8, LearningRate = 1e-2, WarmupSteps = 5, EvalEvery = 20, EvalTokens = 512, CheckpointEvery = 20,
        },
        Grid = grid,
        MaxConcurrent = maxConcurrent,
        // Probing adds evaluations and checkpoints at its steps; the sweeps that test probes ask for them.
        Probes = new ProbeSpec { Kinds = [] },
    };

    /// <summary>Probes every 20 steps and at 1, 2, 4, 8, 16, on 256 positions.</summary>
    public static readonly ProbeSpec Probes = new() { Every = 20, Positions = 256 };
}
