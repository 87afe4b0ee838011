namespace OrleansSweep.Abstractions;

/// <summary>Probe the checkpoint of <paramref name="Run"/> at <paramref name="Step"/>; <paramref name="Replace"/> measures again a step already probed.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.ProbeRequest")]
public sealed record ProbeRequest(
    [property: Id(0)] RunSpec Run,
    [property: Id(1)] int Step,
    [property: Id(2)] string CheckpointPath,
    [property: Id(3)] bool Replace = false);
