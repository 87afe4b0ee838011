namespace OrleansSweep.Compute.Training;

/// <summary>Mean held-out cross-entropy (nats/token) after <paramref name="Step"/> updates, with its standard error over tokens.</summary>
public sealed record EvalResult(int Step, double Loss, double StandardError, int Tokens);
