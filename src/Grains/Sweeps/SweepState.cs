namespace OrleansSweep.Grains.Sweeps;

/// <summary>A coordinator's persisted state: the spec, and every run's latest summary in grid order.</summary>
[GenerateSerializer, Alias("OrleansSweep.SweepState")]
public sealed class SweepState
{
    [Id(0)] public SweepSpec? Spec { get; set; }
    [Id(1)] public List<RunSummary> Runs { get; set; } = [];
    [Id(2)] public string CorpusDescription { get; set; } = "";
    [Id(3)] public double? OptimalLoss { get; set; }
    [Id(4)] public SweepPhase Phase { get; set; }
    /// <summary>Starts as the spec's max_concurrent; `max-concurrent` changes it.</summary>
    [Id(5)] public int MaxConcurrent { get; set; }
}
