using OrleansSweep.Client.Bench;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary><c>bench coordinator</c>: a sweep coordinator's launch time, status and results latency, storage and memory at two sizes.</summary>
public static class BenchCoordinatorCommand
{
    private static readonly Option<int[]> Sizes = new("--runs")
    {
        Description = "Sweep sizes to measure, side by side in one process.",
        DefaultValueFactory = _ => [1_000, 100_000],
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<int> Calls = new Option<int>("--calls")
    {
        Description = "Timed status and results calls per size.",
        DefaultValueFactory = _ => 200,
    }.AtLeast(1);

    private static readonly Option<bool> Json = CommonOptions.Json();

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("coordinator", "Times a coordinator's launch, status (page of 50 + counts) and results (groups + top 50) at several sizes.")
        {
            Sizes, Calls, Json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var sizes = parse.GetRequiredValue(Sizes);
            if (sizes.Any(s => s < 1 || s > SpecFields.MaxRuns)) throw new ArgumentException($"--runs must be between 1 and {SpecFields.MaxRuns}.");
            var measured = await CoordinatorBenchmark.RunAsync(sizes, parse.GetValue(Calls), cancellation);
            if (parse.GetValue(Json))
            {
                JsonOutput.Write(console, measured);
                return;
            }
            var table = new Table().AddColumns("runs", "launch s", "status p50 ms", "status p99 ms", "results p50 ms", "results p99 ms", "stored B/run", "MiB per 1000 runs");
            foreach (var m in measured)
                table.AddRow($"{m.Runs:N0}", $"{m.LaunchSeconds:F2}", $"{m.StatusP50Ms:F2}", $"{m.StatusP99Ms:F2}", $"{m.ResultsP50Ms:F2}",
                    $"{m.ResultsP99Ms:F2}", $"{m.StoredBytesPerRun:F0}", $"{m.MemoryMiBPer1000Runs:F2}");
            console.Write(table);
        });
        return command;
    }
}
