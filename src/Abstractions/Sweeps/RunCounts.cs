namespace OrleansSweep.Abstractions;

/// <summary>A sweep's runs counted by state, derived from its run rows (a run that reports twice is counted once).</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.RunCounts")]
public sealed record RunCounts
{
    [Id(0)] public int Pending { get; init; }
    [Id(1)] public int Running { get; init; }
    [Id(2)] public int Completed { get; init; }
    [Id(3)] public int Failed { get; init; }
    [Id(4)] public int Diverged { get; init; }
    [Id(5)] public int Paused { get; init; }
    [Id(6)] public int Cancelled { get; init; }
    [Id(7)] public int Stopped { get; init; }

    /// <summary>Every run the sweep has created so far.</summary>
    public int Total => Pending + Running + Completed + Failed + Diverged + Paused + Cancelled + Stopped;

    /// <summary>Runs that will do no more work.</summary>
    public int Finished => Completed + Failed + Diverged + Cancelled + Stopped;

    /// <summary>The runs in <paramref name="state"/>.</summary>
    public int Of(RunState state) => state switch
    {
        RunState.Pending => Pending,
        RunState.Running => Running,
        RunState.Completed => Completed,
        RunState.Failed => Failed,
        RunState.Diverged => Diverged,
        RunState.Paused => Paused,
        RunState.Cancelled => Cancelled,
        RunState.Stopped => Stopped,
        _ => 0,
    };

    /// <summary>Counts from one number per <see cref="RunState"/>, indexed by its value.</summary>
    public static RunCounts From(IReadOnlyList<int> byState)
    {
        int At(RunState state) => (int)state < byState.Count ? byState[(int)state] : 0;
        return new()
        {
            Pending = At(RunState.Pending), Running = At(RunState.Running), Completed = At(RunState.Completed),
            Failed = At(RunState.Failed), Diverged = At(RunState.Diverged), Paused = At(RunState.Paused),
            Cancelled = At(RunState.Cancelled), Stopped = At(RunState.Stopped),
        };
    }
}
