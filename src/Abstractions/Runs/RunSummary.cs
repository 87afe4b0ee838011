namespace OrleansSweep.Abstractions;

/// <summary>A run's progress and headline numbers, as the run grain reports them to its coordinator.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.RunSummary")]
public sealed record RunSummary
{
    [Id(0)] public required RunSpec Spec { get; init; }
    [Id(1)] public RunState State { get; init; }
    /// <summary>Updates done.</summary>
    [Id(2)] public int Step { get; init; }
    /// <summary>All parameters, and N of the scaling law (without embeddings and head).</summary>
    [Id(3)] public long Parameters { get; init; }
    [Id(4)] public long NonEmbeddingParameters { get; init; }
    [Id(5)] public double? TrainLoss { get; init; }
    [Id(6)] public double? BestEvalLoss { get; init; }
    [Id(7)] public int? BestEvalStep { get; init; }
    [Id(8)] public double? FinalEvalLoss { get; init; }
    [Id(9)] public double? FinalEvalStandardError { get; init; }
    [Id(10)] public double? TokensPerSecond { get; init; }
    /// <summary>Why a Failed or Diverged run stopped.</summary>
    [Id(11)] public string? Error { get; init; }
    /// <summary>The latest checkpoint's path on the silo that trains the run; null before the first.</summary>
    [Id(12)] public string? CheckpointPath { get; init; }
    /// <summary>The silo that trains the run now (or last did): host:port@generation.</summary>
    [Id(13)] public string? Silo { get; init; }
    /// <summary>Application errors so far (an exception in training); at the spec's max_failures the run is Failed. Lost nodes do not count.</summary>
    [Id(14)] public int Failures { get; init; }
    /// <summary>Every time training started again from a checkpoint (after a lost node, a restart, a pause or a failure), oldest first.</summary>
    [Id(15)] public IReadOnlyList<RunResume> Resumes { get; init; } = [];
    /// <summary>A Stopped run: the rung (training step) where early termination stopped it.</summary>
    [Id(16)] public int? StoppedAtStep { get; init; }
    /// <summary>
    /// Seconds in the trainer's loop (first to last step, evaluations and checkpoints included; not building the model or
    /// loading a checkpoint), summed over the stretches that ended on this run's grain; a stretch cut short by a lost silo is not counted.
    /// </summary>
    [Id(17)] public double? TrainingSeconds { get; init; }

    /// <summary>Whether the run will do no more work.</summary>
    public bool IsFinished => State.IsFinished();
}
