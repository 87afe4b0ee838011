namespace OrleansSweep.Grains.Probes;

/// <summary>A probe grain's persisted state: one point per step by construction, and the queue that survives a restart.</summary>
[GenerateSerializer, Alias("OrleansSweep.ProbeState")]
public sealed class ProbeState
{
    [Id(0)] public RunSpec? Run { get; set; }
    [Id(1)] public SortedDictionary<int, ProbePoint> Points { get; set; } = [];
    /// <summary>Step → the request waiting for it, oldest step first.</summary>
    [Id(2)] public SortedDictionary<int, ProbeRequest> Pending { get; set; } = [];
    [Id(3)] public SortedDictionary<int, string> Errors { get; set; } = [];
}
