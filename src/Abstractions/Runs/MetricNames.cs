namespace OrleansSweep.Abstractions;

/// <summary>The metric series every run records, named as the spec and the --json fields name the same quantities.</summary>
public static class MetricNames
{
    public const string TrainLoss = "train_loss";
    public const string EvalLoss = "eval_loss";
    public const string EvalStandardError = "eval_standard_error";
    public const string LearningRate = "learning_rate";
    public const string GradientNorm = "gradient_norm";
    public const string TokensPerSecond = "tokens_per_second";
}
