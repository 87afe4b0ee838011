namespace OrleansSweep.Abstractions;

/// <summary>Which page of a sweep's runs a status call returns: runs in sweep order, optionally of one state only.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.StatusQuery")]
public sealed record StatusQuery
{
    /// <summary>The most runs one page may hold.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>1-based.</summary>
    [Id(0)] public int Page { get; init; } = 1;
    [Id(1)] public int PageSize { get; init; } = 50;
    /// <summary>Only runs in this state; null: every run.</summary>
    [Id(2)] public RunState? State { get; init; }
}
