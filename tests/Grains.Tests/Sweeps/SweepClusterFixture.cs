using Orleans.TestingHost;
using OrleansSweep.Grains.Tests.Storage;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>One sweep cluster shared by the tests of <see cref="SweepClusterCollection"/>; each test uses its own sweep ids.</summary>
public sealed class SweepClusterFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory data = new();
    private InProcessTestCluster? cluster;

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("the cluster has not started.");

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync() =>
        cluster = await SweepTestCluster.StartAsync(data.Path, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Stopping deactivates every run grain, which cancels and awaits its training before the store closes.
        if (cluster is not null) await cluster.StopAsync(CancellationToken.None);
        data.Dispose();
    }
}
