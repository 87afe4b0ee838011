using System.Text.Json;
using OrleansSweep.Client.Views;
using OrleansSweep.Compute.Benchmarks;
using OrleansSweep.Compute.Devices;
using OrleansSweep.Compute.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace OrleansSweep.Client.Commands;

/// <summary><c>bench train</c>: training throughput and MFU of the compute stack, in this process, without a silo; <c>bench sweep</c> is <see cref="BenchSweepCommand"/>.</summary>
public static class BenchCommand
{
    private const int WarmupSteps = 3;

    private static readonly Option<int> Threads = new Option<int>("--threads")
    {
        Description = "Torch intra-op threads for the GEMM and the training steps.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    }.AtLeast(1);

    private static readonly Option<int> Steps = new Option<int>("--steps")
    {
        Description = $"Timed optimizer steps per config, after {WarmupSteps} untimed ones.",
        DefaultValueFactory = _ => 10,
    }.AtLeast(1);

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
        return new Command("bench", "Measures the compute stack, a sweep's orchestration, or its coordinator, in this process.")
        {
            train, BenchSweepCommand.Create(console), BenchCoordinatorCommand.Create(console), BenchSearchCommand.Create(console),
        };
    }

    private static int Train(IAnsiConsole console, ParseResult parseResult, CancellationToken ct)
    {
        var json = parseResult.GetValue(Json);
        var timedSteps = parseResult.GetValue(Steps);
        var device = ComputeDevice.Select(parseResult.GetRequiredValue(DeviceName));
        ComputeDevice.SetIntraOpThreads(parseResult.GetValue(Threads));

        BenchTrainReport Measure(Action<string> status)
        {
            status("GEMM peak");
            var peak = GemmPeak.Measure(device);
            var runs = new List<ThroughputResult>();
            foreach (var (config, batchSize) in Suite)
            {
                status($"training {BenchTable.Describe(config.VocabularySize, config.ContextLength, config.DModel, config.Layers, batchSize)}");
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
            BenchTable.Render(console, measured);
            return 0;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }
}
