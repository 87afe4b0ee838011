using OrleansSweep.Client.Connection;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>`list`: every sweep launched on the cluster, in launch order, with its phase and its runs counted by state.</summary>
public static class ListCommand
{
    private static readonly ClusterTargetOptions Cluster = new();
    private static readonly Option<bool> Json = CommonOptions.Json();
    // The counts come with any page; the smallest keeps a call per sweep cheap.
    private static readonly StatusQuery CountsOnly = new() { PageSize = 1 };

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("list", "List every sweep on the cluster with its phase and its runs counted by state.") { Json };
        Cluster.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            await using var connection = await ClusterConnection.ConnectAsync(Cluster.Read(parse), cancellation);
            var ids = await ClusterTimeoutException.WhenUnansweredAsync(() => connection.Client.GetGrain<ISweepRegistryGrain>(0).GetAsync(),
                () => new ClusterTimeoutException("its sweeps", "list", connection.Timeout), cancellation);
            var statuses = await Task.WhenAll(ids.Select(id => connection.AskAsync(id, c => c.GetStatusAsync(CountsOnly), cancellation)));
            var sweeps = statuses.OfType<SweepStatus>().Select(SweepListing.Of).ToList();
            if (parse.GetValue(Json)) JsonOutput.Write(console, sweeps);
            else SweepListTable.Render(console, sweeps);
        });
        return command;
    }
}
