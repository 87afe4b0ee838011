namespace OrleansSweep.Abstractions;

/// <summary>One coordinate of a run's point: an axis (as the YAML names it) and its value.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.AxisValue")]
public sealed record AxisValue([property: Id(0)] string Name, [property: Id(1)] double Value);
