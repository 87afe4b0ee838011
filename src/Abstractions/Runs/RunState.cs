namespace OrleansSweep.Abstractions;

/// <summary>Where a run is in its life.</summary>
[GenerateSerializer, Alias("OrleansSweep.RunState")]
public enum RunState
{
    Pending,
    Running,
    Completed,
    Failed,
    Diverged,
}
