using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.External;
using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Training;
using OrleansSweep.EndToEnd.Tests.Hosting;
using static TorchSharp.torch;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>`probe` on one of our checkpoints, in this process, without a silo.</summary>
public sealed class ProbeCommandTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly string checkpoint;
    private readonly int[] heldOut;

    public ProbeCommandTests()
    {
        var corpus = CorpusLoader.FromLowRankMarkov(new LowRankMarkovParameters(32, 4, Seed: 1), 1 << 14, 1 << 12);
        var config = new GptConfig { VocabularySize = 32, ContextLength = 16, DModel = 8, Layers = 2, Heads = 2 };
        var options = new TrainerOptions { Steps = 5, BatchSize = 8, LearningRate = 1e-2, WarmupSteps = 1, EvalEvery = 5, EvalTokens = 256, CheckpointEvery = 0, Seed = 3 };
        using var trainer = new Trainer(config, options, corpus, CPU);
        trainer.Run(new TrainingCallbacks(), null, CancellationToken.None);
        checkpoint = trainer.SaveCheckpoint(directory.Path);
        heldOut = corpus.HeldOut[..200];
    }

    [Fact]
    public async Task JsonCarriesTheReportOfTheLibraryInSnakeCase()
    {
        var tokens = Path.Combine(directory.Path, "tokens.txt");
        File.WriteAllText(tokens, string.Join(' ', heldOut[..100]) + "\n" + string.Join('\t', heldOut[100..]));

        var probe = await ClientCli.RunAsync("probe", checkpoint, "--tokens", tokens, "--device", "cpu", "--json");

        Assert.True(probe.ExitCode == 0, probe.ToString());
        var expected = CheckpointProbe.Run(checkpoint, CPU, heldOut);
        var json = probe.Json();
        Assert.Equal("orleanssweep", json.GetProperty("format").GetString());
        Assert.Equal(expected.Head.SingularEntropy, json.GetProperty("head").GetProperty("singular_entropy").GetDouble());
        Assert.Equal(expected.Head.WError, json.GetProperty("head").GetProperty("w_error").EnumerateArray().Select(e => e.GetDouble()));
        // Each rank at its tolerance, under the names the wire record ToleranceRank prints, not a tuple's Item1 and Item2.
        Assert.Equal(expected.Ranks, json.GetProperty("ranks").EnumerateArray()
            .Select(r => (r.GetProperty("tolerance").GetDouble(), (int?)r.GetProperty("rank").GetInt32())));
        Assert.Equal(expected.Anisotropy!.PerLayer, json.GetProperty("anisotropy").GetProperty("per_layer").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(199, json.GetProperty("anisotropy").GetProperty("positions").GetInt32());
        Assert.Equal(expected.GradientBottleneck!.Kept, json.GetProperty("gradient_bottleneck").GetProperty("kept").GetDouble());
    }

    [Fact]
    public async Task TheTableShowsTheHeadAndSaysWhatTokensWouldAdd()
    {
        var probe = await ClientCli.RunAsync("probe", checkpoint, "--device", "cpu");

        Assert.True(probe.ExitCode == 0, probe.ToString());
        Assert.Contains("singular entropy", probe.Output);
        Assert.Contains("rank at W-error ≤ 0.1", probe.Output);
        Assert.Contains("need --tokens", probe.Output);
    }

    [Fact]
    public async Task ATokenOutsideTheVocabularyPrintsOneLineWithItsPositionAndExits2()
    {
        var tokens = Path.Combine(directory.Path, "tokens.txt");
        File.WriteAllText(tokens, "1 2 3 32 4");

        var probe = await ClientCli.RunAsync("probe", checkpoint, "--tokens", tokens, "--device", "cpu");

        Assert.Equal(2, probe.ExitCode);
        Assert.Single(probe.Output.Trim().Split('\n'));
        Assert.Contains("token id 32 at position 3", probe.Output);
    }

    [Fact]
    public async Task AMissingPathIsNamedAndExits2()
    {
        var missing = Path.Combine(directory.Path, "nowhere.ckpt");

        var probe = await ClientCli.RunAsync("probe", missing, "--device", "cpu");

        Assert.Equal(2, probe.ExitCode);
        Assert.Contains(missing, probe.Output);
    }

    public void Dispose() => directory.Dispose();
}
