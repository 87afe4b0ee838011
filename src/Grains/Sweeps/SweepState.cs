namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// A coordinator's persisted state: the spec (with the max_concurrent in force), and every run's latest summary in grid order.
/// </summary>
[GenerateSerializer, Alias("OrleansSweep.SweepState")]
public sealed class SweepState
{
    [Id(0)] public SweepSpec? Spec { get; set; }
    [Id(1)] public List<RunSummary> Runs { get; set; } = [];
    [Id(2)] public string CorpusDescription { get; set; } = "";
    [Id(3)] public double? OptimalLoss { get; set; }
    [Id(4)] public SweepPhase Phase { get; set; }
    // Id 5 held a copy of max_concurrent; the spec holds it alone now (`max-concurrent` stores a spec with the new value).
}
