namespace OrleansSweep.Grains.Sweeps;

/// <summary>A coordinator's persisted state: the spec, and every run's latest summary in grid order.</summary>
[GenerateSerializer, Alias("OrleansSweep.SweepState")]
public sealed class SweepState
{
    [Id(0)] public SweepSpec? Spec { get; set; }
    [Id(1)] public List<RunSummary> Runs { get; set; } = [];
    [Id(2)] public string CorpusDescription { get; set; } = "";
    [Id(3)] public double? OptimalLoss { get; set; }
}
