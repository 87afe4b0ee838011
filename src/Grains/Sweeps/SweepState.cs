namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// A coordinator's persisted state: the spec (with the max_concurrent and run_cap in force), its phase, and how many runs it has
/// created. The runs themselves are rows in the sweep's shards (<see cref="ISweepShardGrain"/>), so this stays small.
/// </summary>
[GenerateSerializer, Alias("OrleansSweep.SweepState")]
public sealed class SweepState
{
    [Id(0)] public SweepSpec? Spec { get; set; }
    // Id 1 held every run's summary; rows live in shards now (a data directory of that version is refused at start).
    [Id(2)] public string CorpusDescription { get; set; } = "";
    [Id(3)] public double? OptimalLoss { get; set; }
    [Id(4)] public SweepPhase Phase { get; set; }
    // Id 5 held a copy of max_concurrent; the spec holds it alone now.
    /// <summary>Rows created so far: all of a grid's or random search's at launch, a bayes search's one per proposal.</summary>
    [Id(6)] public int Created { get; set; }
}
