using OrleansSweep.Client.Views;
using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Devices;
using OrleansSweep.Compute.External;

namespace OrleansSweep.Client.Commands;

/// <summary>
/// <c>probe &lt;path&gt;</c>: the softmax-bottleneck probes on one checkpoint, in this process, without a silo: ours (.ckpt) or
/// one trained elsewhere (a Hugging Face GPT-2 or GPT-NeoX directory).
/// </summary>
public static class ProbeCommand
{
    private static readonly Argument<string> CheckpointPath = new("path")
    {
        Description = "A Hugging Face GPT-2 directory, a GPT-NeoX (Pythia) directory, or an OrleansSweep .ckpt file.",
    };

    private static readonly Option<string?> Tokens = new("--tokens")
    {
        Description = "A file of whitespace-separated token ids: adds per-layer anisotropy and the gradient bottleneck on them "
            + "(cut into context-length windows from the start).",
    };

    private static readonly Option<int?> Positions = AtLeastTwo(new("--positions")
    {
        Description = "Probe this many positions of --tokens, drawn with seed 0, instead of all of them.",
    });

    private static readonly Option<string> DeviceName = new Option<string>("--device")
    {
        Description = "auto (CUDA when TorchSharp sees it, else CPU), cpu or cuda.",
        DefaultValueFactory = _ => "auto",
    }.AcceptOnlyFromAmong("auto", "cpu", "cuda");

    private static readonly Option<bool> Json = CommonOptions.Json();

    /// <summary>The <c>probe</c> command, writing to <paramref name="console"/>.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("probe", "Probe a checkpoint: head spectrum, singular entropy and W-error; with --tokens, anisotropy "
            + "per layer and the gradient bottleneck.")
        {
            CheckpointPath, Tokens, Positions, DeviceName, Json,
        };
        // Torch work is CPU-bound and synchronous; it runs off the invoking thread, as bench does.
        command.SetAction((parse, cancellation) => Task.Run(() => Probe(console, parse), cancellation));
        return command;
    }

    private static void Probe(IAnsiConsole console, ParseResult parse)
    {
        var device = ComputeDevice.Select(parse.GetRequiredValue(DeviceName));
        var tokens = parse.GetValue(Tokens) is { } file ? TokenFile.Read(file) : null;
        var report = CheckpointProbe.Run(parse.GetRequiredValue(CheckpointPath), device, tokens, parse.GetValue(Positions));
        if (parse.GetValue(Json)) JsonOutput.Write(console, report);
        else ProbeTable.Render(console, report);
    }

    private static Option<int?> AtLeastTwo(Option<int?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 2) result.AddError($"{option.Name} must be at least 2.");
        });
        return option;
    }
}
