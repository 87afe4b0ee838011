using OrleansSweep.Client.Connection;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>`results sweep`: the groups of runs alike but for their seed, then the best runs by the sweep's metric, with each run's gap to the optimal loss.</summary>
public static class ResultsCommand
{
    private static readonly Argument<string> Sweep = new("sweep") { Description = "The sweep id (its spec's name)." };
    private static readonly Option<int> Top = new Option<int>("--top")
    {
        Description = $"How many of the best runs by the sweep's metric to show, 0 to {ResultsQuery.MaxRows}.",
        DefaultValueFactory = _ => new ResultsQuery().Top,
    }.Between(0, ResultsQuery.MaxRows);
    private static readonly Option<int> GroupPage = new Option<int>("--group-page")
    {
        Description = "Which page of groups to show, from 1, in sweep order.",
        DefaultValueFactory = _ => 1,
    }.AtLeast(1);
    private static readonly Option<int> GroupPageSize = new Option<int>("--group-page-size")
    {
        Description = $"Groups per page, 1 to {ResultsQuery.MaxRows}.",
        DefaultValueFactory = _ => new ResultsQuery().GroupPageSize,
    }.Between(1, ResultsQuery.MaxRows);
    private static readonly ClusterTargetOptions Cluster = new();
    private static readonly Option<bool> Json = CommonOptions.Json();
    private static readonly Option<bool> Wait = new("--wait") { Description = "Wait until every run has finished (and its probes and the n-gram estimate)." };

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("results", "Show a sweep's results: its groups, and its best runs with best and final eval loss, the gap to the optimum and why each ended.")
        {
            Sweep, Top, GroupPage, GroupPageSize, Json, Wait,
        };
        Cluster.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var id = parse.GetRequiredValue(Sweep);
            var query = new ResultsQuery { Top = parse.GetValue(Top), GroupPage = parse.GetValue(GroupPage), GroupPageSize = parse.GetValue(GroupPageSize) };
            await using var connection = await ClusterConnection.ConnectAsync(Cluster.Read(parse), cancellation);
            if (parse.GetValue(Wait))
                await connection.AskAsync(id, c => SweepWatcher.WatchAsync(console, c, parse.GetValue(Json), cancellation, connection.Timeout), cancellation);
            var results = await connection.AskAsync(id, c => c.GetResultsAsync(query), cancellation)
                ?? throw new ArgumentException($"no sweep has the id '{id}'.");
            if (parse.GetValue(Json)) JsonOutput.Write(console, results);
            else ResultsTable.Render(console, results, query);
        });
        return command;
    }
}
