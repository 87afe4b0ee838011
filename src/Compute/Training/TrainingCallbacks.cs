namespace OrleansSweep.Compute.Training;

/// <summary>How the trainer reports; called on the training thread, so receivers hand the values on rather than block.</summary>
public sealed record TrainingCallbacks(
    Action<StepMetrics>? OnStep = null,
    Action<EvalResult>? OnEval = null,
    Action<CheckpointInfo>? OnCheckpoint = null);
