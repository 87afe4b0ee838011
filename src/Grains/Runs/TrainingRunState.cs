namespace OrleansSweep.Grains.Runs;

/// <summary>
/// A run grain's persisted state. Written at each checkpoint, so the series always end at <see cref="CheckpointStep"/> or
/// before it: a resumed run drops nothing it will not recompute and recomputes nothing it keeps. Its transitions are
/// <see cref="RunProgress"/>'s.
/// </summary>
[GenerateSerializer, Alias("OrleansSweep.TrainingRunState")]
public sealed class TrainingRunState
{
    [Id(0)] public RunSummary? Summary { get; set; }
    /// <summary>Metric name → step → value: one value per (metric, step) by construction.</summary>
    [Id(1)] public Dictionary<string, SortedDictionary<int, double>> Series { get; set; } = [];
    // Id 2 held the checkpoint's path, which the step and the run's directory give (RunCheckpointDirectory.PathOf); stored
    // states that still carry it read fine, as the serializer skips fields it does not know. Never reuse Id 2.
    /// <summary>The step of the checkpoint the persisted series belong to (0: none); training resumes from it.</summary>
    [Id(3)] public int CheckpointStep { get; set; }
}
