using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OrleansSweep.Compute.Benchmarks;
using OrleansSweep.Compute.Devices;
using OrleansSweep.Compute.Models;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace OrleansSweep.Client.Commands;

/// <summary><c>bench train</c>: training throughput and MFU of the compute stack, in this process, without a silo.</summary>
public static class BenchCommand
{
    private const int WarmupSteps = 3;

    private static readonly Option<int> Threads = AtLeastOne(new("--threads")
    {
        Description = "Torch intra-op threads for the GEMM and the training steps.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    });

    private static readonly Option<int> Steps = AtLeastOne(new("--steps")
    {
        Description = $"Timed optimizer steps per config, after {WarmupSteps} untimed ones.",
        DefaultValueFactory = _ => 10,
    });

    private static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON document (schema: BenchTrainReport) instead of a table.",
    };

    private static readonly Option<string> DeviceName = CommonOptions.Device();

    // The demo's sizes (V=256, T=64, B=32, L=2, d from 16 to 256), then a GPT-2-vocabulary model, where the V×d head dominates.
    private static readonly (GptConfig Config, int BatchSize)[] Suite =
    [
        (new GptConfig { VocabularySize = 256, ContextLength = 64, DModel = 16, Layers = 2, Heads = 2 }, 32),
        (new GptConfig { VocabularySize = 256, ContextLength = 64, DModel = 64, Layers = 2, Heads = 2 }, 32),
        (new GptConfig { VocabularySize = 256, ContextLength = 64, DModel = 256, Layers = 2, Heads = 2 }, 32),
        (new GptConfig { VocabularySize = 50257, ContextLength = 128, DModel = 128, Layers = 2, Heads = 2 }, 8),
    ];

    /// <summary>The <c>bench</c> command with its <c>train</c> subcommand, writing to <paramref name="console"/>.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var train = new Command("train", "Times GEMM peak and training steps of a few GPT shapes; reports tokens/s and MFU.")
        {
            Threads, Steps, Json, DeviceName,
        };
        // Torch work is CPU-bound and synchronous; it runs off the invoking thread so Ctrl+C can still cancel between steps.
        train.SetAction((parseResult, ct) => Task.Run(() => Train(console, parseResult, ct), ct));
        return new Command("bench", "Measures the compute stack in this process.") { train };
    }

    private static int Train(IAnsiConsole console, ParseResult parseResult, CancellationToken ct)
    {
        var json = parseResult.GetValue(Json);
        var timedSteps = parseResult.GetValue(Steps);
        Device device;
        try
        {
            device = ComputeDevice.Select(parseResult.GetRequiredValue(DeviceName));
            ComputeDevice.SetIntraOpThreads(parseResult.GetValue(Threads));
        }
        catch (ArgumentException error)
        {
            console.MarkupLineInterpolated($"[red]{error.Message}[/]");
            return 1;
        }

        BenchTrainReport Measure(Action<string> status)
        {
            status("GEMM peak");
            var peak = GemmPeak.Measure(device);
            var runs = new List<ThroughputResult>();
            foreach (var (config, batchSize) in Suite)
            {
                status($"training {Describe(config.VocabularySize, config.ContextLength, config.DModel, config.Layers, batchSize)}");
                runs.Add(TrainingThroughput.Measure(config, batchSize, device, peak, timedSteps, WarmupSteps, ct));
            }
            return new BenchTrainReport(device.type == DeviceType.CUDA ? "cuda" : "cpu", get_num_threads(), WarmupSteps, timedSteps, peak, runs);
        }

        try
        {
            if (json)
            {
                // Straight to the writer: Spectre would wrap a long line at the terminal's width and break the JSON.
                var report = Measure(_ => { });
                console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
                return 0;
            }
            var measured = console.Status().Start("GEMM peak", context => Measure(text => context.Status(text)));
            Print(console, measured);
            return 0;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }

    private static Option<int> AtLeastOne(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError($"{option.Name} must be at least 1.");
        });
        return option;
    }

    private static void Print(IAnsiConsole console, BenchTrainReport report)
    {
        var peak = report.GemmPeak;
        console.MarkupLineInterpolated(
            $"GEMM peak: {peak.Size}² float32 matmul, {Number(peak.FlopsPerSecond / 1e9, "N1")} GFLOP/s (median of {peak.Repeats}) on {report.Device}, {report.Threads} threads");
        var table = new Table()
            .AddColumn("config")
            .AddColumn("params", c => c.RightAligned())
            .AddColumn("tokens/s", c => c.RightAligned())
            .AddColumn("ms/step", c => c.RightAligned())
            .AddColumn("GFLOP/s", c => c.RightAligned())
            .AddColumn("MFU %", c => c.RightAligned());
        foreach (var run in report.Runs)
            table.AddRow(
                Markup.Escape(Describe(run.VocabularySize, run.ContextLength, run.DModel, run.Layers, run.BatchSize)),
                Compact(run.Parameters),
                Number(run.TokensPerSecond, "N0"),
                Number(run.SecondsPerStep * 1e3, "N1"),
                Number(run.FlopsPerSecond / 1e9, "N2"),
                Number(run.Mfu * 100, "N1"));
        table.Caption($"{report.TimedSteps} timed steps after {report.WarmupSteps} warmup; FLOPs/token = 6·N + 12·L·T·d");
        console.Write(table);
    }

    private static string Describe(int vocabularySize, int contextLength, int dModel, int layers, int batchSize) =>
        $"V={vocabularySize} T={contextLength} d={dModel} L={layers} B={batchSize}";

    // 13.3M rather than 13,278,976, so the table fits an 80-column terminal.
    private static string Compact(long count) => count switch
    {
        >= 1_000_000 => Number(count / 1e6, "N1") + "M",
        >= 1_000 => Number(count / 1e3, "N1") + "k",
        _ => Number(count, "N0"),
    };

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
