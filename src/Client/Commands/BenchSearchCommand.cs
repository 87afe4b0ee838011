using OrleansSweep.Client.Bench;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary><c>bench search</c>: TPE against random search at an equal budget, on an embedded silo in this process.</summary>
public static class BenchSearchCommand
{
    private static readonly Option<int> Runs = new Option<int>("--runs")
    {
        Description = "Runs per search (each search's run_cap).",
        DefaultValueFactory = _ => 50,
    }.AtLeast(1);

    private static readonly Option<int> Seeds = new Option<int>("--seeds")
    {
        Description = "Search seeds per method.",
        DefaultValueFactory = _ => 5,
    }.AtLeast(1);

    private static readonly Option<int> Steps = new Option<int>("--steps")
    {
        Description = "Training steps per run.",
        DefaultValueFactory = _ => 200,
    }.AtLeast(20);

    private static readonly Option<bool> Json = CommonOptions.Json();

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("search", "TPE (bayes) against random search on the low-rank language: d_model 8–64 and the learning rate, 1 layer.")
        {
            Runs, Seeds, Steps, Json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            Task<IReadOnlyList<SearchBenchmark.Search>> Run(Action<string> progress) =>
                SearchBenchmark.RunAsync(parse.GetValue(Runs), parse.GetValue(Seeds), parse.GetValue(Steps), progress, cancellation);
            if (parse.GetValue(Json))
            {
                JsonOutput.Write(console, await Run(_ => { }));
                return;
            }
            var searches = await console.Status().StartAsync("starting a silo", context => Run(text => context.Status(text)));
            var table = new Table().AddColumns("method", "seed", "runs", "best eval loss");
            foreach (var s in searches) table.AddRow(s.Method, $"{s.Seed}", $"{s.Runs}", $"{s.BestEvalLoss:F4}");
            foreach (var method in searches.GroupBy(s => s.Method))
                table.AddRow($"[bold]{method.Key}[/]", "mean", "", $"[bold]{method.Average(s => s.BestEvalLoss):F4}[/]");
            console.Write(table);
        });
        return command;
    }
}
