namespace OrleansSweep.Client.Connection;

/// <summary>How the client finds a cluster: through listed gateways, or through the Redis membership table of a cluster.</summary>
/// <param name="Gateways">host:port of silo gateways, comma-separated; used when <paramref name="Redis"/> is null.</param>
/// <param name="Redis">host:port of the cluster's Redis server: every live silo's gateway is found there.</param>
/// <param name="ClusterId">The cluster's id in Redis (the silos' --cluster-id).</param>
/// <param name="Timeout">How long one call waits for the cluster's answer (--timeout); null: Orleans' 30 s.</param>
public sealed record ClusterTarget(string Gateways, string? Redis = null, string ClusterId = "orleans-sweep", TimeSpan? Timeout = null)
{
    /// <summary>Orleans' own response timeout, kept when --timeout is not given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public TimeSpan CallTimeout => Timeout ?? DefaultTimeout;
}
