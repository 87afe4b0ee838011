namespace OrleansSweep.Abstractions;

/// <summary>
/// A sweep: a corpus, base model and training settings, and a grid of values that override them. Each point of the grid's
/// cartesian product is one run.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.SweepSpec")]
public sealed record SweepSpec
{
    /// <summary>The sweep id: letters, digits, '-', '_' and '.'.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>The data every run trains on.</summary>
    [Id(1)] public CorpusSpec Corpus { get; init; } = new();

    /// <summary>Model fields shared by all runs.</summary>
    [Id(2)] public ModelSpec Model { get; init; } = new();

    /// <summary>Training fields shared by all runs.</summary>
    [Id(3)] public TrainingSpec Training { get; init; } = new();

    /// <summary>Axis name (d_model, layers, heads, mlp_ratio, context, learning_rate, seed, batch_size, steps, warmup_steps, weight_decay, head_rank) → its values.</summary>
    [Id(4)] public IReadOnlyList<GridAxis> Grid { get; init; } = [];

    /// <summary>Runs of this sweep training at once.</summary>
    [Id(5)] public int MaxConcurrent { get; init; } = 2;

    /// <summary>The probes every run's checkpoints get.</summary>
    [Id(6)] public ProbeSpec Probes { get; init; } = new();

    /// <summary>The sweep-level analysis: scaling-law fit and n-gram rank of the corpus.</summary>
    [Id(7)] public AnalysisSpec Analysis { get; init; } = new();

    /// <summary>Application errors (exceptions in training) a run may hit before it is Failed; each one resumes it from its last checkpoint. A lost node is not counted.</summary>
    [Id(8)] public int MaxFailures { get; init; } = 3;

    /// <summary>Newest checkpoints each run keeps on disk (at least 2, so a corrupt newest one leaves one to resume from); every probe step's checkpoint is kept too.</summary>
    [Id(9)] public int KeepCheckpoints { get; init; } = 3;

    /// <summary>grid (every point of <see cref="Grid"/> or of <see cref="Parameters"/>' values), random or bayes (TPE).</summary>
    [Id(10)] public string Method { get; init; } = "grid";

    /// <summary>random and bayes: how many runs; grid: the first run_cap points (last axis fastest); null: every grid point.</summary>
    [Id(11)] public int? RunCap { get; init; }

    /// <summary>Seeds the random and bayes draws, so the same spec gives the same runs.</summary>
    [Id(12)] public int SearchSeed { get; init; }

    /// <summary>What the search optimises and early termination ranks by.</summary>
    [Id(13)] public MetricSpec Metric { get; init; } = new();

    /// <summary>The search space (W&amp;B's <c>parameters:</c>); a spec uses it or <see cref="Grid"/>, not both.</summary>
    [Id(14)] public IReadOnlyList<ParameterSpec> Parameters { get; init; } = [];

    /// <summary>Stops runs early by asynchronous successive halving; null: every run trains to its last step.</summary>
    [Id(15)] public EarlyTerminateSpec? EarlyTerminate { get; init; }
}
