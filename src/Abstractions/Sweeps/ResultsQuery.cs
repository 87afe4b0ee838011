namespace OrleansSweep.Abstractions;

/// <summary>How much of a sweep's results a call returns: the best runs by the sweep's metric, and one page of groups.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.ResultsQuery")]
public sealed record ResultsQuery
{
    /// <summary>The most rows either list may hold.</summary>
    public const int MaxRows = 1000;

    /// <summary>How many of the best runs by the metric.</summary>
    [Id(0)] public int Top { get; init; } = 50;
    /// <summary>1-based page of the groups.</summary>
    [Id(1)] public int GroupPage { get; init; } = 1;
    [Id(2)] public int GroupPageSize { get; init; } = 50;
}
