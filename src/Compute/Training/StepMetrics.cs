namespace OrleansSweep.Compute.Training;

/// <summary>One logged training step: 1-based step count after the update.</summary>
public sealed record StepMetrics(int Step, double Loss, double LearningRate, double GradientNorm, double TokensPerSecond);
