namespace OrleansSweep.Abstractions;

/// <summary>The metric a search optimises and early termination ranks runs by (W&amp;B's <c>metric:</c>).</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.MetricSpec")]
public sealed record MetricSpec
{
    /// <summary>A run metric: eval_loss (the default) or train_loss.</summary>
    [Id(0)] public string Name { get; init; } = "eval_loss";

    /// <summary>minimize or maximize.</summary>
    [Id(1)] public string Goal { get; init; } = "minimize";
}
