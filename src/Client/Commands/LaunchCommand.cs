using OrleansSweep.Client.Connection;
using OrleansSweep.Client.Specs;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>`launch spec.yaml`: validates the spec and starts its sweep on a running cluster.</summary>
public static class LaunchCommand
{
    private static readonly Argument<string> Spec = new("spec") { Description = "The sweep spec, a YAML file." };
    private static readonly ClusterTargetOptions Cluster = new();
    private static readonly Option<bool> Json = CommonOptions.Json();

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("launch", "Launch a sweep from a YAML spec; launching the same spec again changes nothing.")
        {
            Spec, Json,
        };
        Cluster.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var spec = SweepSpecYaml.Load(parse.GetRequiredValue(Spec));
            await using var connection = await ClusterConnection.ConnectAsync(Cluster.Read(parse), cancellation);
            var status = await connection.AskAsync(spec.Name, c => c.LaunchAsync(spec), cancellation);
            if (parse.GetValue(Json)) JsonOutput.Write(console, status);
            else StatusTable.Render(console, status);
        });
        return command;
    }
}
