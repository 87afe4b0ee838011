namespace OrleansSweep.EndToEnd.Tests.Failover;

/// <summary>The tests that start whole clusters of real processes run one at a time: on two cores, side by side they would time each other out.</summary>
[CollectionDefinition(Name)]
public sealed class FailoverCollection
{
    public const string Name = "failover";
}
