using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Client.Demo;

/// <summary>The embedded default hosted inside the client process, on free loopback ports, for `demo`.</summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost host;

    private InProcessSilo(IHost host) => this.host = host;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<InProcessSilo> StartAsync(string dataDirectory, int threads, CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{SweepSiloOptions.SectionName}:DataDirectory"] = dataDirectory,
            [$"{SweepSiloOptions.SectionName}:SiloPort"] = FreePort().ToString(),
            [$"{SweepSiloOptions.SectionName}:GatewayPort"] = FreePort().ToString(),
            [$"{ComputeOptions.SectionName}:IntraOpThreads"] = threads.ToString(),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.UseOrleans(silo => silo.AddOrleansSweep(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync(cancellation);
        return new InProcessSilo(host);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
