namespace OrleansSweep.Grains.Tests.Runs;

/// <summary><see cref="OrleansSweep.Grains.Runs.TrainingRunState"/> as it was stored while it still held the checkpoint's path (Id 2).</summary>
[GenerateSerializer, Alias("OrleansSweep.Tests.LegacyTrainingRunState")]
public sealed class LegacyTrainingRunState
{
    [Id(0)] public RunSummary? Summary { get; set; }
    [Id(1)] public Dictionary<string, SortedDictionary<int, double>> Series { get; set; } = [];
    [Id(2)] public string? CheckpointPath { get; set; }
    [Id(3)] public int CheckpointStep { get; set; }
}
