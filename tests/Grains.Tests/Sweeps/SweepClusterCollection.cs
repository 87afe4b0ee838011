namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>
/// The sweep tests run one after another: they train on the same few cores, and the ones that start their own cluster must not
/// slow the shared one's runs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SweepClusterCollection : ICollectionFixture<SweepClusterFixture>
{
    public const string Name = "Sweep cluster";
}
