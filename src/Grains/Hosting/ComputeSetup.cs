using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansSweep.Compute.Devices;

namespace OrleansSweep.Grains.Hosting;

/// <summary>Applies the process-wide torch settings before any run trains.</summary>
public sealed class ComputeSetup(IOptions<ComputeOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ComputeDevice.Select(options.Value.Device);
        ComputeDevice.SetIntraOpThreads(options.Value.IntraOpThreads);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
