using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Grains.Tests.Storage;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>
/// An in-process cluster with the silo services the Silo host registers (<see cref="SiloBuilderExtensions.AddSweepServices"/>):
/// LiteDB state and checkpoints under one data directory, CPU, one torch thread per process.
/// </summary>
public static class SweepTestCluster
{
    /// <summary>Builds and deploys one silo storing under <paramref name="dataDirectory"/>; <paramref name="configureSilo"/> adds to its setup.</summary>
    public static async Task<InProcessTestCluster> StartAsync(
        string dataDirectory, CancellationToken cancellation, Action<ISiloBuilder>? configureSilo = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{ComputeOptions.SectionName}:Device"] = "cpu",
                [$"{ComputeOptions.SectionName}:IntraOpThreads"] = "1",
                [$"{ComputeOptions.SectionName}:CheckpointDirectory"] = Path.Combine(dataDirectory, "checkpoints"),
            })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSweepServices(dataDirectory, configuration);
            configureSilo?.Invoke(silo);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync(cancellation).WaitAsync(LiteDbTestCluster.Patience, cancellation);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }
}
