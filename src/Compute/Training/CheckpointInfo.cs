namespace OrleansSweep.Compute.Training;

/// <summary>A checkpoint written after <paramref name="Step"/> updates.</summary>
public sealed record CheckpointInfo(int Step, string Path);
