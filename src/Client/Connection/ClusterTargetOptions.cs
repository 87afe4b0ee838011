using OrleansSweep.Client.Commands;

namespace OrleansSweep.Client.Connection;

/// <summary>The options of every command that talks to a cluster: --gateway, or --redis with --cluster-id.</summary>
public sealed class ClusterTargetOptions
{
    private readonly Option<string> gateway = new("--gateway")
    {
        Description = "Silo gateway(s) to connect through, host:port, comma-separated; the client fails over between them.",
        DefaultValueFactory = _ => "127.0.0.1:30000",
    };

    private readonly Option<string?> redis = new("--redis")
    {
        Description = "host:port of the cluster's Redis server: connect through any live silo's gateway listed there (instead of --gateway).",
    };

    private readonly Option<string> clusterId = new("--cluster-id")
    {
        Description = "The cluster's id in Redis (the silos' --cluster-id).",
        DefaultValueFactory = _ => "orleans-sweep",
    };

    private readonly Option<int> timeout = new Option<int>("--timeout")
    {
        Description = "Seconds one call waits for the cluster's answer before giving up.",
        DefaultValueFactory = _ => (int)ClusterTarget.DefaultTimeout.TotalSeconds,
    }.AtLeast(1);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(gateway);
        command.Options.Add(redis);
        command.Options.Add(clusterId);
        command.Options.Add(timeout);
    }

    public ClusterTarget Read(ParseResult parse) =>
        new(parse.GetRequiredValue(gateway), parse.GetValue(redis), parse.GetRequiredValue(clusterId), TimeSpan.FromSeconds(parse.GetValue(timeout)));
}
