namespace OrleansSweep.Abstractions;

/// <summary>One point of a sweep's search space: everything a training-run grain needs.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.RunSpec")]
public sealed record RunSpec(
    [property: Id(0)] string SweepId,
    [property: Id(1)] string RunId,
    [property: Id(2)] CorpusSpec Corpus,
    [property: Id(3)] ModelSpec Model,
    [property: Id(4)] TrainingSpec Training)
{
    /// <summary>When and what to probe; does not change what is trained, so it is not part of the run id.</summary>
    [Id(5)] public ProbeSpec Probes { get; init; } = new();

    /// <summary>Application errors tolerated before the run is Failed (the sweep's max_failures); not part of the run id either.</summary>
    [Id(6)] public int MaxFailures { get; init; } = 3;

    /// <summary>Newest checkpoints kept besides the probe steps' (the sweep's keep_checkpoints).</summary>
    [Id(7)] public int KeepCheckpoints { get; init; } = 3;

    /// <summary>The run's position in its sweep, from 0 (grid order, or the order random search drew it); not part of the run id.</summary>
    [Id(8)] public int Index { get; init; }
}
