namespace OrleansSweep.Grains.Tests.Storage;

/// <summary>Persisted state of <see cref="TickCounterGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansSweep.Grains.Tests.Storage.TickCounterState")]
public sealed record TickCounterState
{
    [Id(0)] public int Ticks { get; init; }

    /// <summary>The silo that delivered the latest tick, so a test can tell a restarted silo's ticks from its predecessor's.</summary>
    [Id(1)] public string? LastTickSilo { get; init; }
}
