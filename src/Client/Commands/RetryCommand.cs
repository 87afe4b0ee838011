using System.CommandLine.Parsing;
using OrleansSweep.Client.Connection;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>`retry sweep [--state failed,stopped]`: those runs train again from their last good checkpoint with a fresh failure budget.</summary>
public static class RetryCommand
{
    private static readonly Argument<string> Sweep = new("sweep") { Description = "The sweep id (its spec's name)." };
    private static readonly Option<IReadOnlyList<RunState>> States = new("--state")
    {
        Description = "Comma-separated states whose runs train again: failed, stopped (diverged runs would diverge again and are refused).",
        DefaultValueFactory = _ => [RunState.Failed],
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = ParseStates,
    };
    private static readonly ClusterTargetOptions Cluster = new();
    private static readonly Option<bool> Json = CommonOptions.Json();

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("retry", "Train a sweep's failed (or stopped) runs again from their last good checkpoint with a fresh failure budget.")
        {
            Sweep, States, Json,
        };
        Cluster.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var id = parse.GetRequiredValue(Sweep);
            var states = parse.GetRequiredValue(States);
            await using var connection = await ClusterConnection.ConnectAsync(Cluster.Read(parse), cancellation);
            // The coordinator refuses diverged runs, a cancelled sweep and an id with no sweep, each in one sentence of its own.
            var status = await connection.AskAsync(id, c => c.RetryAsync(states), cancellation);
            if (parse.GetValue(Json)) JsonOutput.Write(console, status);
            else StatusTable.Render(console, status);
        });
        return command;
    }

    // Any state's name parses, so that the coordinator says why it retries only failed and stopped runs.
    private static IReadOnlyList<RunState> ParseStates(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        var states = new List<RunState>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var state = Enum.GetValues<RunState>().Where(s => StatusTable.Name(s) == name).Select(s => (RunState?)s).FirstOrDefault();
            if (state is null)
            {
                result.AddError($"--state '{text}' must be comma-separated run states, such as failed,stopped.");
                return [];
            }
            if (!states.Contains(state.Value)) states.Add(state.Value);
        }
        if (states.Count == 0) result.AddError("--state names no state; use failed, stopped or failed,stopped.");
        return states;
    }
}
