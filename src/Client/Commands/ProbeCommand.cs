using OrleansSweep.Client.Connection;
using OrleansSweep.Client.Views;
using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Devices;
using OrleansSweep.Compute.External;

namespace OrleansSweep.Client.Commands;

/// <summary>
/// <c>probe &lt;path&gt;</c>: the softmax-bottleneck probes on one checkpoint, in this process, without a silo: ours (.ckpt) or
/// one trained elsewhere (a Hugging Face GPT-2 or GPT-NeoX directory). <c>probe --run &lt;id&gt; --all-checkpoints</c>: the
/// cluster's probe grains measure every stored checkpoint of a run again, e.g. with a probe kind added after it trained.
/// </summary>
public static class ProbeCommand
{
    private static readonly Argument<string?> CheckpointPath = new("path")
    {
        Description = "A Hugging Face GPT-2 directory, a GPT-NeoX (Pythia) directory, or an OrleansSweep .ckpt file.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string?> Run = new("--run") { Description = "A run id of the cluster, to probe with --all-checkpoints." };

    private static readonly Option<bool> AllCheckpoints = new("--all-checkpoints")
    {
        Description = "With --run: queue every stored checkpoint of the run to its probe grains, replacing earlier values.",
    };

    private static readonly Option<string[]> Kinds = new("--kinds")
    {
        Description = $"With --run: the probe kinds ({string.Join(", ", ProbeKinds.All)}); default all.",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [.. ProbeKinds.All],
    };

    private static readonly Option<bool> Wait = new("--wait") { Description = "With --run: wait until the probe grains measured them all." };

    private static readonly ClusterTargetOptions Cluster = new();

    private static readonly Option<string?> Tokens = new("--tokens")
    {
        Description = "A file of whitespace-separated token ids: adds per-layer anisotropy and the gradient bottleneck on them "
            + "(cut into context-length windows from the start).",
    };

    private static readonly Option<int?> Positions = new Option<int?>("--positions")
    {
        Description = "Probe this many positions of --tokens, drawn with seed 0, instead of all of them.",
    }.AtLeast(2);

    private static readonly Option<string> DeviceName = CommonOptions.Device();

    private static readonly Option<bool> Json = CommonOptions.Json();

    /// <summary>The <c>probe</c> command, writing to <paramref name="console"/>.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("probe", "Probe a checkpoint: head spectrum, singular entropy and W-error; with --tokens, anisotropy "
            + "per layer and the gradient bottleneck.")
        {
            CheckpointPath, Tokens, Positions, DeviceName, Run, AllCheckpoints, Kinds, Wait, Json,
        };
        Cluster.AddTo(command);
        command.SetAction((parse, cancellation) => (parse.GetValue(CheckpointPath), parse.GetValue(Run)) switch
        {
            // Torch work is CPU-bound and synchronous; it runs off the invoking thread, as bench does.
            ({ }, null) => Task.Run(() => Probe(console, parse), cancellation),
            (null, { } run) when parse.GetValue(AllCheckpoints) => ReprobeAsync(console, parse, run, cancellation),
            (null, { }) => throw new ArgumentException("--run probes a run's stored checkpoints; add --all-checkpoints to queue them all."),
            _ => throw new ArgumentException("give a checkpoint path, or --run <id> --all-checkpoints, but not both."),
        });
        return command;
    }

    private static async Task ReprobeAsync(IAnsiConsole console, ParseResult parse, string run, CancellationToken cancellation)
    {
        var kinds = parse.GetRequiredValue(Kinds).SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        await using var connection = await ClusterConnection.ConnectAsync(Cluster.Read(parse), cancellation);
        var queued = await connection.Client.GetGrain<ITrainingRunGrain>(run).ReprobeAsync(kinds);
        var grains = kinds.Select(k => connection.Client.GetGrain<IProbeGrain>(IProbeGrain.Key(run, k))).ToList();
        var series = await Task.WhenAll(grains.Select(g => g.GetSeriesAsync()));
        while (parse.GetValue(Wait) && series.Any(s => s.Pending > 0))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation);
            series = await Task.WhenAll(grains.Select(g => g.GetSeriesAsync()));
        }
        if (parse.GetValue(Json))
        {
            JsonOutput.Write(console, new { RunId = run, Checkpoints = queued, Series = series });
            return;
        }
        console.MarkupLineInterpolated($"Queued {queued} checkpoints of run {run} for {string.Join(", ", kinds)}.");
        foreach (var s in series)
            console.MarkupLineInterpolated($"  {s.Kind}: {s.Points.Count} points, {s.Pending} queued, {s.Errors.Count} errors");
    }

    private static void Probe(IAnsiConsole console, ParseResult parse)
    {
        var device = ComputeDevice.Select(parse.GetRequiredValue(DeviceName));
        var tokens = parse.GetValue(Tokens) is { } file ? TokenFile.Read(file) : null;
        var report = CheckpointProbe.Run(parse.GetValue(CheckpointPath)!, device, tokens, parse.GetValue(Positions));
        if (parse.GetValue(Json)) JsonOutput.Write(console, report);
        else ProbeTable.Render(console, report);
    }
}
