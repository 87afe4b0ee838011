using OrleansSweep.Compute.Training;

namespace OrleansSweep.Grains.Runs;

/// <summary>
/// What the training thread hands to its grain: exactly one of the four is set. <paramref name="LoopSeconds"/> comes once, when
/// the trainer's loop ends (completed or stopped), with the seconds it spent.
/// </summary>
public sealed record TrainingEvent(StepMetrics? Step = null, EvalResult? Eval = null, CheckpointInfo? Checkpoint = null, double? LoopSeconds = null);
