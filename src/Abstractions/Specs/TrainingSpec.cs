namespace OrleansSweep.Abstractions;

/// <summary>One run's optimisation settings; a sweep's grid overrides some of these fields per run.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.TrainingSpec")]
public sealed record TrainingSpec
{
    /// <summary>Optimizer steps.</summary>
    [Id(0)] public int Steps { get; init; } = 1000;

    /// <summary>Sequences per step.</summary>
    [Id(1)] public int BatchSize { get; init; } = 32;

    /// <summary>Peak learning rate.</summary>
    [Id(2)] public double LearningRate { get; init; } = 3e-3;

    /// <summary>Final learning rate as a fraction of the peak.</summary>
    [Id(3)] public double MinLearningRateRatio { get; init; } = 0.1;

    /// <summary>Linear warmup steps.</summary>
    [Id(4)] public int WarmupSteps { get; init; } = 50;

    /// <summary>AdamW weight decay on matrices.</summary>
    [Id(5)] public double WeightDecay { get; init; } = 0.1;

    /// <summary>Gradient-norm clip (0: none).</summary>
    [Id(6)] public double GradientClip { get; init; } = 1.0;

    /// <summary>Held-out evaluation cadence in steps.</summary>
    [Id(7)] public int EvalEvery { get; init; } = 100;

    /// <summary>Held-out tokens scored at each evaluation.</summary>
    [Id(8)] public int EvalTokens { get; init; } = 65_536;

    /// <summary>Train-loss logging cadence in steps.</summary>
    [Id(9)] public int LogEvery { get; init; } = 10;

    /// <summary>Checkpoint cadence in steps (the last step is always saved).</summary>
    [Id(10)] public int CheckpointEvery { get; init; } = 100;

    /// <summary>Fixes initial weights and batch order.</summary>
    [Id(11)] public int Seed { get; init; } = 1;
}
