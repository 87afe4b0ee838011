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

    /// <summary>The names series had before they were spelled like the settings → their names now.</summary>
    public static readonly IReadOnlyDictionary<string, string> Renamed = new Dictionary<string, string>
    {
        ["eval_stderr"] = EvalStandardError,
        ["lr"] = LearningRate,
        ["grad_norm"] = GradientNorm,
        ["tokens_per_s"] = TokensPerSecond,
    };
}
