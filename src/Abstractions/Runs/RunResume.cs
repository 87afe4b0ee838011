namespace OrleansSweep.Abstractions;

/// <summary>One resumption of a run: when training started again, on which silo, from which checkpoint step.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.RunResume")]
public sealed record RunResume(
    [property: Id(0)] DateTime At,
    [property: Id(1)] string Silo,
    [property: Id(2)] int FromStep);
