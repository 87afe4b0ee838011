using OrleansSweep.Client.Demo;
using OrleansSweep.Client.Report;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>`demo`: a real sweep on the embedded default, in this process, ending with the results table and a report.</summary>
public static class DemoCommand
{
    private static readonly Option<bool> Quick = new("--quick") { Description = "A smaller sweep that finishes in under a minute." };
    private static readonly Option<string> Data = CommonOptions.Data("Data directory for the LiteDB file and checkpoints.");
    private static readonly Option<int> Threads = new Option<int>("--threads")
    {
        Description = "torch intra-op threads (0: torch's default); runs already train in parallel, one per core.",
        DefaultValueFactory = _ => 1,
    }.AtLeast(0);
    private static readonly Option<bool> Json = CommonOptions.Json();

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("demo", "Train a sweep of GPTs on a rank-R language in-process and show the gap to the optimum shrink as d grows.")
        {
            Quick, Data, Threads, Json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var json = parse.GetValue(Json);
            var spec = DemoSweep.Create($"demo-{DateTime.UtcNow:yyyyMMdd-HHmmss}", parse.GetValue(Quick));
            await using var silo = await InProcessSilo.StartAsync(parse.GetRequiredValue(Data), parse.GetValue(Threads), cancellation);
            var coordinator = silo.Grains.GetGrain<ISweepCoordinatorGrain>(spec.Name);
            var launched = await coordinator.LaunchAsync(spec);
            if (!json)
                console.MarkupLine($"Sweep [bold]{spec.Name}[/]: {launched.Planned} runs on {Markup.Escape(launched.CorpusDescription)}, " +
                                   $"optimal loss {launched.OptimalLoss:F4} nats/token; data in {Markup.Escape(Path.GetFullPath(parse.GetRequiredValue(Data)))}");
            await SweepWatcher.WatchAsync(console, coordinator, json, cancellation);
            // One call for the table and the report: the coordinator reads each run's series once for both.
            var report = (await coordinator.GetReportAsync())!;
            if (json) JsonOutput.Write(console, report.Results);
            // Every run is in the report; in sweep order (d growing) the table tells the demo's story.
            else ResultsTable.Render(console, report.Results with { Runs = [.. report.Results.Runs.OrderBy(r => r.Index)] });
            var folder = Path.Combine(parse.GetRequiredValue(Data), "reports", spec.Name);
            var written = ReportWriter.Write(ClusterReportData.From(report), folder);
            if (!json) console.MarkupLine($"Report: {written.Count - 1} figures and {Markup.Escape(Path.GetFullPath(written[^1]))}");
        });
        return command;
    }
}
