namespace OrleansSweep.Abstractions;

/// <summary>One axis of a sweep's grid: a field name and the values it takes.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.GridAxis")]
public sealed record GridAxis([property: Id(0)] string Name, [property: Id(1)] IReadOnlyList<double> Values);
