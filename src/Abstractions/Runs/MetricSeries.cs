namespace OrleansSweep.Abstractions;

/// <summary>One metric of one run: one value per step, steps ascending.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.MetricSeries")]
public sealed record MetricSeries(
    [property: Id(0)] string Metric,
    [property: Id(1)] IReadOnlyList<int> Steps,
    [property: Id(2)] IReadOnlyList<double> Values);
