using System.CommandLine.Parsing;
using System.Globalization;
using OrleansSweep.Client.Connection;
using OrleansSweep.Client.Specs;
using OrleansSweep.Client.Views;
using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Devices;
using OrleansSweep.Compute.Experiments;
using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Corpora;

namespace OrleansSweep.Client.Commands;

/// <summary>
/// <c>experiment head-rank</c>: SCIENCE.md §8's frozen-body experiment on one trained checkpoint, in this process. A checkpoint
/// holds the model and its trainer options but not its tokens, so the corpus comes from the run's spec (<c>--run</c>, asked of
/// the cluster) or from the sweep spec the checkpoint was trained from (<c>--checkpoint</c> with <c>--spec</c>).
/// </summary>
public static class ExperimentCommand
{
    private static readonly Option<string> Run = new("--run")
    {
        Description = "A run id (see status --json): its latest checkpoint and corpus, asked of the cluster; the checkpoint must be readable here.",
    };
    private static readonly Option<string> Checkpoint = new("--checkpoint") { Description = "A checkpoint file (.ckpt), with --spec." };
    private static readonly Option<string> Spec = new("--spec") { Description = "With --checkpoint: the sweep spec (YAML) whose corpus it was trained on." };
    private static readonly Option<int[]> Ranks = new("--ranks")
    {
        Description = "Comma-separated head ranks r, each in 1..d_model (r = d_model retrains a full-rank head).",
        Required = true,
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = ParseRanks,
    };
    private static readonly Option<int?> Steps = new Option<int?>("--steps")
    {
        Description = "Optimizer steps per head (default: the run's own steps); schedule and AdamW settings are the run's own, warmup at most a tenth of the steps.",
    }.AtLeast(1);
    private static readonly Option<string> DeviceName = CommonOptions.Device();
    private static readonly ClusterTargetOptions Cluster = new();
    private static readonly Option<string> Data = CommonOptions.Data("Data directory where `data fetch` stored named corpora (a spec's corpus.name).");
    private static readonly Option<bool> Json = CommonOptions.Json();

    /// <summary>The <c>experiment</c> command with its <c>head-rank</c> subcommand, writing to <paramref name="console"/>.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var headRank = new Command("head-rank", "Freeze a trained model's body, retrain only a rank-r head for each r, and report held-out loss against r and the original head's W-error.")
        {
            Run, Checkpoint, Spec, Ranks, Steps, DeviceName, Data, Json,
        };
        Cluster.AddTo(headRank);
        headRank.SetAction(async (parse, cancellation) =>
        {
            var ranks = parse.GetRequiredValue(Ranks);
            var (checkpoint, corpusSpec) = await ResolveAsync(parse, cancellation);
            var header = ReadHeader(checkpoint);
            foreach (var r in ranks)
                if (r > header.Config.DModel)
                    throw new ArgumentException($"--ranks {r} is above the checkpoint's d_model ({header.Config.DModel}); use ranks in 1..{header.Config.DModel}.");
            var steps = parse.GetValue(Steps) ?? header.Options.Steps;
            var options = new HeadRankOptions
            {
                Ranks = ranks,
                Training = header.Options with { Steps = steps, WarmupSteps = Math.Min(header.Options.WarmupSteps, steps / 10) },
            };
            var device = ComputeDevice.Select(parse.GetRequiredValue(DeviceName));
            var json = parse.GetValue(Json);
            // Torch work is CPU-bound and synchronous; it runs off the invoking thread so Ctrl+C can still cancel between steps.
            return await Task.Run(() =>
            {
                try
                {
                    var report = json
                        ? Measure(checkpoint, new CorpusCatalog(parse.GetRequiredValue(Data)).Get(corpusSpec), options, device, _ => { }, cancellation)
                        : console.Status().Start("building the corpus", context =>
                            Measure(checkpoint, new CorpusCatalog(parse.GetRequiredValue(Data)).Get(corpusSpec), options, device, text => context.Status(text), cancellation));
                    if (json) JsonOutput.Write(console, report);
                    else HeadRankTable.Render(console, report);
                    return 0;
                }
                catch (OperationCanceledException)
                {
                    return 130;
                }
            }, cancellation);
        });
        return new Command("experiment", "Experiments on trained checkpoints, run in this process.") { headRank };
    }

    private static HeadRankReport Measure(
        string checkpoint, TokenCorpus corpus, HeadRankOptions options, TorchSharp.torch.Device device, Action<string> status, CancellationToken cancellation)
    {
        status($"training a rank-{options.Ranks[0]} head");
        var left = new Queue<int>(options.Ranks.Skip(1));
        var result = HeadRankExperiment.Run(checkpoint, corpus, options, device,
            _ => { if (left.TryDequeue(out var next)) status($"training a rank-{next} head"); }, cancellation);
        return new HeadRankReport(checkpoint, corpus.Description, result);
    }

    private static async Task<(string Checkpoint, CorpusSpec Corpus)> ResolveAsync(ParseResult parse, CancellationToken cancellation)
    {
        var (run, checkpoint, spec) = (parse.GetValue(Run), parse.GetValue(Checkpoint), parse.GetValue(Spec));
        if ((run is null) == (checkpoint is null)) throw new ArgumentException("give exactly one of --run <id> or --checkpoint <path>.");
        if (checkpoint is not null)
        {
            if (spec is null) throw new ArgumentException("--checkpoint needs --spec, the sweep spec whose corpus the checkpoint was trained on.");
            return (checkpoint, SweepSpecYaml.Load(spec).Corpus);
        }
        if (spec is not null) throw new ArgumentException("--spec goes with --checkpoint; with --run the corpus comes from the run's own spec.");
        await using var connection = await ClusterConnection.ConnectAsync(Cluster.Read(parse), cancellation);
        var summary = await connection.Client.GetGrain<ITrainingRunGrain>(run!).GetSummaryAsync()
            ?? throw new ArgumentException($"no run has the id '{run}'.");
        if (summary.CheckpointPath is not { } path)
            throw new ArgumentException($"run '{run}' has no checkpoint yet; try again once it has trained to its first.");
        if (!File.Exists(path))
            throw new ArgumentException($"run '{run}' checkpoint {path} is not readable here; run this where the silo writes checkpoints, or copy it and use --checkpoint.");
        return (path, summary.Spec.Corpus);
    }

    private static CheckpointHeader ReadHeader(string path)
    {
        try
        {
            return CheckpointFile.ReadHeader(path);
        }
        catch (CorruptCheckpointException e)
        {
            throw new ArgumentException(e.Message, e);
        }
    }

    // Whether a rank fits the model needs the checkpoint, so the action checks that; the list itself is checked here.
    private static int[] ParseRanks(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var ranks = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out ranks[i]) || ranks[i] < 1)
            {
                result.AddError($"--ranks '{text}' must be comma-separated whole numbers of at least 1, such as 4,8,16.");
                return [];
            }
        if (ranks.Distinct().Count() != ranks.Length) result.AddError($"--ranks '{text}' repeats a rank.");
        return ranks;
    }
}
