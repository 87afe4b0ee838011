using OrleansSweep.Client.Bench;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary><c>bench sweep</c>: the orchestration overhead of a sweep of tiny runs on an embedded silo in this process.</summary>
public static class BenchSweepCommand
{
    private static readonly Option<int> Runs = new Option<int>("--runs")
    {
        Description = "Runs in the grid (seeds of one tiny model).",
        DefaultValueFactory = _ => 500,
    }.AtLeast(1);

    private static readonly Option<int> Threads = new Option<int>("--threads")
    {
        Description = "torch intra-op threads of the silo (0: torch's default); two runs train at once.",
        DefaultValueFactory = _ => 1,
    }.AtLeast(0);

    private static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON document (schema: SweepOverheadReport) instead of a table.",
    };

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("sweep",
            "Trains a grid of tiny runs, max_concurrent 2, on an embedded silo under a temporary directory; reports wall time against the runs' own training time.")
        {
            Runs, Threads, Json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var runs = parse.GetValue(Runs);
            var threads = parse.GetValue(Threads);
            var data = Directory.CreateTempSubdirectory("orleanssweep-bench-");
            try
            {
                if (parse.GetValue(Json))
                {
                    JsonOutput.Write(console, await SweepOverheadBench.MeasureAsync(runs, data.FullName, threads, _ => { }, cancellation));
                    return 0;
                }
                var measured = await console.Status().StartAsync($"starting a silo for {runs} runs",
                    context => SweepOverheadBench.MeasureAsync(runs, data.FullName, threads, text => context.Status(text), cancellation));
                SweepOverheadTable.Render(console, measured);
                return 0;
            }
            catch (OperationCanceledException)
            {
                return 130;
            }
            finally
            {
                data.Delete(recursive: true);
            }
        });
        return command;
    }
}
