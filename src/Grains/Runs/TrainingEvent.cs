using OrleansSweep.Compute.Training;

namespace OrleansSweep.Grains.Runs;

/// <summary>What the training thread hands to its grain: exactly one of the three is set.</summary>
public sealed record TrainingEvent(StepMetrics? Step = null, EvalResult? Eval = null, CheckpointInfo? Checkpoint = null);
