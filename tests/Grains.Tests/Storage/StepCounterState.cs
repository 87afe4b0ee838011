namespace OrleansSweep.Grains.Tests.Storage;

/// <summary>Persisted state of <see cref="StepCounterGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansSweep.Grains.Tests.Storage.StepCounterState")]
public sealed record StepCounterState
{
    [Id(0)] public int Steps { get; init; }

    [Id(1)] public string? LastCheckpoint { get; init; }
}
