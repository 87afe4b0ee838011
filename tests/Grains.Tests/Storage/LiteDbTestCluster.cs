using Orleans.TestingHost;
using OrleansSweep.Grains.Storage;

namespace OrleansSweep.Grains.Tests.Storage;

/// <summary>Starts real in-process silos whose default grain storage is LiteDB in a given data directory.</summary>
public static class LiteDbTestCluster
{
    /// <summary>Longest wait for a cluster to start or stop before a test fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Builds and deploys a cluster of <paramref name="silos"/> silos storing state under <paramref name="dataDirectory"/>.</summary>
    public static async Task<InProcessTestCluster> StartAsync(string dataDirectory, CancellationToken cancellation, short silos = 1)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => silo.AddLiteDbGrainStorageAsDefault(options => options.DataDirectory = dataDirectory));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync(cancellation).WaitAsync(Patience, cancellation);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops every silo gracefully, so their stores close the file, then disposes the cluster.</summary>
    public static async Task StopAsync(this InProcessTestCluster cluster, CancellationToken cancellation)
    {
        await cluster.StopAllSilosAsync(cancellation).WaitAsync(Patience, cancellation);
        await cluster.DisposeAsync();
    }
}
