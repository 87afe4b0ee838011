namespace OrleansSweep.Abstractions;

/// <summary>What a write did to a run row: the row before (null when new) and after, and its shard's counts by state after.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.RowChange")]
public sealed record RowChange(
    [property: Id(0)] RunRow? Previous,
    [property: Id(1)] RunRow Current,
    [property: Id(2)] IReadOnlyList<int> Counts);
