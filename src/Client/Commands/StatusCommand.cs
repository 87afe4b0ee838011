using OrleansSweep.Client.Connection;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>`status sweep`: every run's state and latest losses.</summary>
public static class StatusCommand
{
    private static readonly Argument<string> Sweep = new("sweep") { Description = "The sweep id (its spec's name)." };
    private static readonly ClusterTargetOptions Cluster = new();
    private static readonly Option<bool> Json = CommonOptions.Json();

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("status", "Show a sweep's progress.") { Sweep, Json };
        Cluster.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var id = parse.GetRequiredValue(Sweep);
            await using var connection = await ClusterConnection.ConnectAsync(Cluster.Read(parse), cancellation);
            var status = await connection.Client.GetGrain<ISweepCoordinatorGrain>(id).GetStatusAsync()
                ?? throw new ArgumentException($"no sweep has the id '{id}'.");
            if (parse.GetValue(Json)) JsonOutput.Write(console, status);
            else StatusTable.Render(console, status);
        });
        return command;
    }
}
