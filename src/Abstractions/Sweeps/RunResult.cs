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
    /// <summary>SCIENCE.md §6: final − best eval loss exceeds max(0.01, 2·stderr); the saturation step is then <see cref="BestEvalStep"/>.</summary>
    [Id(13)] public bool Saturated { get; init; }
    /// <summary>The first probed step where singular entropy exceeds its running minimum by more than 1 nat.</summary>
    [Id(14)] public int? SpectrumCollapseStep { get; init; }
    /// <summary>The first probed step where final-layer anisotropy exceeds 0.9.</summary>
    [Id(15)] public int? AnisotropyStep { get; init; }
    /// <summary>The latest probe values: singular entropy of the head (nats), final-layer anisotropy, gradient kept fraction.</summary>
    [Id(16)] public double? SingularEntropy { get; init; }
    [Id(17)] public double? FinalLayerAnisotropy { get; init; }
    [Id(18)] public double? GradientKept { get; init; }
    /// <summary>The sweep's scaling-law prediction at this run's size, and (L_final − L_fit)/L_fit (SCIENCE.md §7).</summary>
    [Id(19)] public double? ScalingLawLoss { get; init; }
    [Id(20)] public double? ScalingLawGap { get; init; }
    /// <summary>Checkpoints of this run waiting for a probe.</summary>
    [Id(21)] public int ProbesPending { get; init; }
    /// <summary>Why the run ended short: a Stopped run's rung (training step), a Failed or Diverged run's error.</summary>
    [Id(22)] public int? StoppedAtStep { get; init; }
    [Id(23)] public string? Error { get; init; }
    /// <summary>The run's position in its sweep.</summary>
    [Id(24)] public int Index { get; init; }
}
