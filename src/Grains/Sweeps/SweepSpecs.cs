using System.Text.Json;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>Spec equality by value: records compare lists by reference, so compare their canonical JSON instead.</summary>
public static class SweepSpecs
{
    public static bool Same(SweepSpec a, SweepSpec b) =>
        JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);
}
