using OrleansSweep.Client.Connection;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>`max-concurrent sweep N`: changes how many of a running sweep's runs train at once.</summary>
public static class MaxConcurrentCommand
{
    private static readonly Argument<string> Sweep = new("sweep") { Description = "The sweep id (its spec's name)." };
    private static readonly Argument<int> Value = new Argument<int>("n") { Description = "Runs training at once, at least 1." }.AtLeast(1);
    private static readonly ClusterTargetOptions Cluster = new();
    private static readonly Option<bool> Json = CommonOptions.Json();

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("max-concurrent",
            "Change a sweep's max_concurrent: a higher value starts more runs now; a lower one pauses the excess at a checkpoint of their step, to resume first when capacity frees.")
        {
            Sweep, Value, Json,
        };
        Cluster.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var id = parse.GetRequiredValue(Sweep);
            var value = parse.GetValue(Value);
            await using var connection = await ClusterConnection.ConnectAsync(Cluster.Read(parse), cancellation);
            // The coordinator refuses an id with no sweep in one sentence of its own.
            var status = await connection.AskAsync(id, c => c.SetMaxConcurrentAsync(value), cancellation);
            if (parse.GetValue(Json)) JsonOutput.Write(console, status);
            else StatusTable.Render(console, status);
        });
        return command;
    }
}
