namespace OrleansSweep.Compute.Training;

/// <summary>Everything about a training run except the model's shape and the data.</summary>
public sealed record TrainerOptions
{
    /// <summary>Optimizer steps in all.</summary>
    public int Steps { get; init; } = 500;

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

    /// <summary>Throws with one sentence naming the first invalid field.</summary>
    public void Validate()
    {
        Require(Steps >= 1, "steps must be at least 1");
        Require(BatchSize >= 1, "batch_size must be at least 1");
        Require(LearningRate > 0, "lr must be positive");
        Require(MinLearningRateRatio is >= 0 and <= 1, "min_lr_ratio must be in [0, 1]");
        Require(WarmupSteps >= 0, "warmup must not be negative");
        Require(WeightDecay >= 0, "weight_decay must not be negative");
        Require(Beta1 is >= 0 and < 1 && Beta2 is >= 0 and < 1, "betas must be in [0, 1)");
        Require(GradientClip >= 0, "grad_clip must not be negative");
        Require(EvalEvery >= 1, "eval_every must be at least 1");
        Require(EvalTokens >= 1, "eval_tokens must be at least 1");
        Require(LogEvery >= 1, "log_every must be at least 1");
        Require(CheckpointEvery >= 0, "checkpoint_every must not be negative");
    }

    static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message + ".");
    }
}
