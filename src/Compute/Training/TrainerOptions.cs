namespace OrleansSweep.Compute.Training;

/// <summary>Everything about a training run except the model's shape and the data.</summary>
public sealed record TrainerOptions
{
    /// <summary>Optimizer steps in all.</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Sequences per step; tokens per step = BatchSize × context.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Peak learning rate, reached at the end of warmup.</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>The cosine schedule ends at LearningRate × this.</summary>
    public double MinLearningRateRatio { get; init; } = 0.1;

    /// <summary>Linear warmup steps.</summary>
    public int WarmupSteps { get; init; } = 50;

    /// <summary>AdamW decoupled weight decay, applied to matrices only (not to biases or LayerNorm gains).</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>AdamW β1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW β2 (0.95 as in GPT-3 and Pythia).</summary>
    public double Beta2 { get; init; } = 0.95;

    /// <summary>Global gradient-norm clip; 0 disables it.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>Evaluate on the held-out set every this many steps, and at the last step.</summary>
    public int EvalEvery { get; init; } = 100;

    /// <summary>Size of the fixed held-out token set.</summary>
    public int EvalTokens { get; init; } = 65_536;

    /// <summary>Report the train loss every this many steps.</summary>
    public int LogEvery { get; init; } = 10;

    /// <summary>Write a checkpoint every this many steps, and at the last step; 0 writes only the last.</summary>
    public int CheckpointEvery { get; init; } = 100;

    /// <summary>Fixes initial weights, batch order and dropout.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Guards direct callers (bench, experiments) with the same names and bounds as the sweep spec's table (Abstractions'
    /// SpecFields, which a test holds this to); a spec is checked there first, with the YAML line.
    /// </summary>
    public void Validate()
    {
        Require(Steps >= 1, $"training.steps must be at least 1, got {Steps}");
        Require(BatchSize >= 1, $"training.batch_size must be at least 1, got {BatchSize}");
        Require(LearningRate > 0, $"training.learning_rate must be positive, got {LearningRate}");
        Require(MinLearningRateRatio is >= 0 and <= 1, $"training.min_learning_rate_ratio must be in [0, 1], got {MinLearningRateRatio}");
        Require(WarmupSteps >= 0, $"training.warmup_steps must be at least 0, got {WarmupSteps}");
        Require(WeightDecay >= 0, $"training.weight_decay must be at least 0, got {WeightDecay}");
        Require(Beta1 is >= 0 and < 1 && Beta2 is >= 0 and < 1, $"the AdamW betas must be in [0, 1), got {Beta1} and {Beta2}");
        Require(GradientClip >= 0, $"training.gradient_clip must be at least 0, got {GradientClip}");
        Require(EvalEvery >= 1, $"training.eval_every must be at least 1, got {EvalEvery}");
        Require(EvalTokens >= 1, $"training.eval_tokens must be at least 1, got {EvalTokens}");
        Require(LogEvery >= 1, $"training.log_every must be at least 1, got {LogEvery}");
        Require(CheckpointEvery >= 0, $"training.checkpoint_every must be at least 0, got {CheckpointEvery}");
    }

    static void Require(bool condition, FormattableString message)
    {
        if (!condition) throw new ArgumentException(FormattableString.Invariant(message) + ".");
    }
}
