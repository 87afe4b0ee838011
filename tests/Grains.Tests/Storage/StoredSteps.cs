namespace OrleansSweep.Grains.Tests.Storage;

/// <summary>What a fresh read from storage gave a <see cref="StepCounterGrain"/>.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.Grains.Tests.Storage.StoredSteps")]
public sealed record StoredSteps([property: Id(0)] bool RecordExists, [property: Id(1)] StepCounterState State);
