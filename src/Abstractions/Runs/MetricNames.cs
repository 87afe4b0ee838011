namespace OrleansSweep.Abstractions;

/// <summary>The metric series every run records.</summary>
public static class MetricNames
{
    public const string TrainLoss = "train_loss";
    public const string EvalLoss = "eval_loss";
    public const string EvalStandardError = "eval_stderr";
    public const string LearningRate = "lr";
    public const string GradientNorm = "grad_norm";
    public const string TokensPerSecond = "tokens_per_s";
}
