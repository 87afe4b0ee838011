namespace OrleansSweep.Abstractions;

/// <summary>One probe's measurement of one checkpoint: named scalars and vectors (names in <see cref="ProbeKinds"/>).</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.ProbePoint")]
public sealed record ProbePoint(
    [property: Id(0)] int Step,
    [property: Id(1)] IReadOnlyDictionary<string, double> Scalars,
    [property: Id(2)] IReadOnlyDictionary<string, IReadOnlyList<double>> Vectors);
