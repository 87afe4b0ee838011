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
    /// <summary>Stopped at a checkpoint by its sweep's pause; resumes from there when the sweep resumes.</summary>
    Paused,
    /// <summary>Stopped for good by its sweep's cancel.</summary>
    Cancelled,
    /// <summary>Stopped for good by early termination at a rung, its metric outside the best 1/eta there; keeps its checkpoints and series.</summary>
    Stopped,
}
