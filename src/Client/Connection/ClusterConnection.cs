using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace OrleansSweep.Client.Connection;

/// <summary>A started Orleans client connected to one or more silo gateways.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(5);
    // A gateway that accepts the socket but answers slowly is there: a silo whose cores all train can take longer than
    // Orleans' 5 s handshake timeout (seen with four runs on two cores), and "no silo answered" would be wrong.
    private static readonly TimeSpan BusySiloPatience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(500);
    private readonly IHost host;
    private readonly TimeSpan timeout;

    private ClusterConnection(IHost host, TimeSpan timeout) => (this.host, this.timeout) = (host, timeout);

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    /// <summary>How long one call waits for the cluster's answer (--timeout).</summary>
    public TimeSpan Timeout => timeout;

    /// <summary>
    /// Asks sweep <paramref name="sweepId"/>'s coordinator; a call the cluster leaves unanswered within <see cref="Timeout"/>
    /// becomes one sentence naming the sweep (<see cref="ClusterTimeoutException"/>).
    /// </summary>
    public Task<T> AskAsync<T>(string sweepId, Func<ISweepCoordinatorGrain, Task<T>> ask, CancellationToken cancellation) =>
        ClusterTimeoutException.WhenUnansweredAsync(() => ask(Client.GetGrain<ISweepCoordinatorGrain>(sweepId)),
            () => ClusterTimeoutException.About(sweepId, timeout), cancellation);

    /// <inheritdoc cref="AskAsync{T}"/>
    public Task AskAsync(string sweepId, Func<ISweepCoordinatorGrain, Task> ask, CancellationToken cancellation) =>
        AskAsync(sweepId, async coordinator =>
        {
            await ask(coordinator);
            return true;
        }, cancellation);

    /// <summary>Connects through the gateways <paramref name="target"/> names, or finds them in its Redis; one sentence when none answers.</summary>
    public static async Task<ClusterConnection> ConnectAsync(ClusterTarget target, CancellationToken cancellation)
    {
        var endpoints = target.Gateways.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseEndpoint).ToArray();
        if (endpoints.Length == 0) throw new ArgumentException("--gateway names no endpoint; use host:port.");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Critical);
        // The host's own "Hosting failed to start" error repeats, with a trace, what the sentence below says.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        // Orleans retries the first connection forever by default; a command line must answer, so give up after a short grace
        // when nothing listens, a longer one when a silo listens but is slow to answer.
        var started = DateTime.UtcNow;
        var busy = false;
        builder.UseOrleansClient(client =>
        {
            // A gateway refuses a client of another cluster id, so the client names its cluster whichever way it finds it.
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (target.ClusterId, target.ClusterId));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = target.CallTimeout);
            if (target.Redis is { } redis) client.UseRedisClustering(o => o.ConfigurationOptions = Grains.Hosting.SiloBuilderExtensions.RedisConfiguration(redis));
            else client.UseStaticClustering(endpoints);
            client.UseConnectionRetryFilter(async (failure, ct) =>
            {
                // Once a gateway was slow, the retries that Orleans' connection backoff refuses at once do not mean it left.
                busy |= TimedOut(failure);
                if (DateTime.UtcNow >= started + (busy ? BusySiloPatience : ConnectPatience)) return false;
                await Task.Delay(RetryInterval, ct);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ArgumentException(target.Redis is { } redis
                ? $"no silo of cluster '{target.ClusterId}' answered through Redis at {redis}; start one with 'dotnet run --project src/Silo -- --redis {redis}'."
                : $"no silo answered at {target.Gateways}; start one with 'dotnet run --project src/Silo' or pass --gateway host:port.");
        }
        return new ClusterConnection(host, target.CallTimeout);
    }

    // Slow, not absent: Orleans reports a gateway that accepted the socket but not the handshake in time as "… timed out".
    private static bool TimedOut(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
            if (e is TimeoutException || e.Message.Contains("timed out", StringComparison.Ordinal)) return true;
        return false;
    }

    private static IPEndPoint ParseEndpoint(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is < 1 or > 65535)
            throw new ArgumentException($"--gateway '{text}' is not host:port.");
        var name = text[..colon];
        var address = IPAddress.TryParse(name, out var ip) ? ip
            : Dns.GetHostAddresses(name).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
              ?? throw new ArgumentException($"--gateway host '{name}' does not resolve.");
        return new IPEndPoint(address, port);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
