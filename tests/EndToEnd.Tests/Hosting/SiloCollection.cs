namespace OrleansSweep.EndToEnd.Tests.Hosting;

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "Silo process";
}
