using OrleansSweep.Client.Connection;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>`results sweep`: the aggregate table, with each run's gap to the optimal loss.</summary>
public static class ResultsCommand
{
    private static readonly Argument<string> Sweep = new("sweep") { Description = "The sweep id (its spec's name)." };
    private static readonly ClusterTargetOptions Cluster = new();
    private static readonly Option<bool> Json = CommonOptions.Json();
    private static readonly Option<bool> Wait = new("--wait") { Description = "Wait until every run has finished." };

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("results", "Show a sweep's results: best and final eval loss and the gap to the optimum.")
        {
            Sweep, Json, Wait,
        };
        Cluster.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var id = parse.GetRequiredValue(Sweep);
            await using var connection = await ClusterConnection.ConnectAsync(Cluster.Read(parse), cancellation);
            var coordinator = connection.Client.GetGrain<ISweepCoordinatorGrain>(id);
            if (parse.GetValue(Wait)) await SweepWatcher.WatchAsync(console, coordinator, parse.GetValue(Json), cancellation);
            var results = await coordinator.GetResultsAsync() ?? throw new ArgumentException($"no sweep has the id '{id}'.");
            if (parse.GetValue(Json)) JsonOutput.Write(console, results);
            else ResultsTable.Render(console, results);
        });
        return command;
    }
}
