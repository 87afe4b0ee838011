namespace OrleansSweep.Grains.Runs;

/// <summary>
/// A run grain's persisted state. Written at each checkpoint, so the series always end at <see cref="CheckpointStep"/> or
/// before it: a resumed run drops nothing it will not recompute and recomputes nothing it keeps.
/// </summary>
[GenerateSerializer, Alias("OrleansSweep.TrainingRunState")]
public sealed class TrainingRunState
{
    [Id(0)] public RunSummary? Summary { get; set; }
    /// <summary>Metric name → step → value: one value per (metric, step) by construction.</summary>
    [Id(1)] public Dictionary<string, SortedDictionary<int, double>> Series { get; set; } = [];
    /// <summary>The checkpoint the persisted series belong to; training resumes from it.</summary>
    [Id(2)] public string? CheckpointPath { get; set; }
    [Id(3)] public int CheckpointStep { get; set; }
}
