namespace OrleansSweep.Abstractions;

/// <summary>One probe kind over one run's checkpoints: one point per step, steps ascending.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.ProbeSeries")]
public sealed record ProbeSeries
{
    [Id(0)] public required string RunId { get; init; }
    [Id(1)] public required string Kind { get; init; }
    [Id(2)] public IReadOnlyList<ProbePoint> Points { get; init; } = [];
    /// <summary>Checkpoints queued and not yet probed.</summary>
    [Id(3)] public int Pending { get; init; }
    /// <summary>Step → why probing that checkpoint failed.</summary>
    [Id(4)] public IReadOnlyDictionary<int, string> Errors { get; init; } = new Dictionary<int, string>();

    /// <summary>The values of one scalar, steps ascending.</summary>
    public IReadOnlyList<(int Step, double Value)> Scalar(string name) =>
        Points.Where(p => p.Scalars.ContainsKey(name)).Select(p => (p.Step, p.Scalars[name])).ToList();
}
