namespace OrleansSweep.Abstractions;

/// <summary>One row of a sweep's results table.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.RunResult")]
public sealed record RunResult
{
    [Id(0)] public required string RunId { get; init; }
    [Id(1)] public required ModelSpec Model { get; init; }
    [Id(2)] public required TrainingSpec Training { get; init; }
    [Id(3)] public RunState State { get; init; }
    [Id(4)] public int Step { get; init; }
    [Id(5)] public long Parameters { get; init; }
    [Id(6)] public long NonEmbeddingParameters { get; init; }
    [Id(7)] public double? BestEvalLoss { get; init; }
    [Id(8)] public int? BestEvalStep { get; init; }
    [Id(9)] public double? FinalEvalLoss { get; init; }
    [Id(10)] public double? FinalEvalStandardError { get; init; }
    /// <summary>The corpus's optimal loss, when known.</summary>
    [Id(11)] public double? OptimalLoss { get; init; }
    /// <summary>Final eval loss minus the optimal loss (nats/token), when both are known.</summary>
    [Id(12)] public double? Gap { get; init; }
}
