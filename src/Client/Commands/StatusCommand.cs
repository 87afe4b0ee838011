using OrleansSweep.Client.Connection;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>`status sweep`: the sweep's runs counted by state, and one page of them with their step and latest losses.</summary>
public static class StatusCommand
{
    private static readonly Argument<string> Sweep = new("sweep") { Description = "The sweep id (its spec's name)." };
    private static readonly Option<int> Page = new Option<int>("--page")
    {
        Description = "Which page of runs to show, from 1, in sweep order.",
        DefaultValueFactory = _ => 1,
    }.AtLeast(1);
    private static readonly Option<int> PageSize = new Option<int>("--page-size")
    {
        Description = $"Runs per page, 1 to {StatusQuery.MaxPageSize}.",
        DefaultValueFactory = _ => new StatusQuery().PageSize,
    }.Between(1, StatusQuery.MaxPageSize);
    private static readonly Option<RunState?> State = new Option<RunState?>("--state")
    {
        Description = "Only runs in this state.",
    }.AcceptOnlyFromAmong([.. Enum.GetValues<RunState>().Select(StatusTable.Name)]);
    private static readonly ClusterTargetOptions Cluster = new();
    private static readonly Option<bool> Json = CommonOptions.Json();

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("status", "Show a sweep's progress: its runs counted by state, and one page of them.")
        {
            Sweep, Page, PageSize, State, Json,
        };
        Cluster.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var id = parse.GetRequiredValue(Sweep);
            var query = new StatusQuery { Page = parse.GetValue(Page), PageSize = parse.GetValue(PageSize), State = parse.GetValue(State) };
            await using var connection = await ClusterConnection.ConnectAsync(Cluster.Read(parse), cancellation);
            var status = await connection.AskAsync(id, c => c.GetStatusAsync(query), cancellation)
                ?? throw new ArgumentException($"no sweep has the id '{id}'.");
            if (parse.GetValue(Json)) JsonOutput.Write(console, status);
            else StatusTable.Render(console, status);
        });
        return command;
    }
}
