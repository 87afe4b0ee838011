using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary><c>experiment head-rank</c> on a checkpoint file, in this process.</summary>
public sealed class HeadRankCommandTests(TrainedCheckpoint trained) : IClassFixture<TrainedCheckpoint>
{
    [Fact]
    public async Task ReportsEachRankBesideTheOriginalModelsLoss()
    {
        var outcome = await ClientCli.RunAsync(TestContext.Current.CancellationToken,
            "experiment", "head-rank", "--checkpoint", trained.CheckpointPath, "--spec", trained.SpecPath, "--ranks", "2,8", "--steps", "20", "--json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var json = outcome.Json();
        var experiment = json.GetProperty("experiment");
        Assert.Equal(trained.CheckpointPath, json.GetProperty("checkpoint").GetString());
        // The original model scored on the run's own eval tokens, as its trainer scored it.
        Assert.Equal(trained.FinalEvalLoss, experiment.GetProperty("reference_loss").GetDouble(), 9);
        Assert.Equal(20, experiment.GetProperty("steps").GetInt32());
        var points = experiment.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([2, 8], points.Select(p => p.GetProperty("rank").GetInt32()));
        // V = 32, d = 8: a rank-2 head has 2·(32 + 8) parameters, the full one 32·8.
        Assert.Equal([80L, 256L], points.Select(p => p.GetProperty("head_parameters").GetInt64()));
        Assert.Equal(0.0, points[1].GetProperty("full_head_w_error").GetDouble(), 9);
        Assert.All(points, p => Assert.True(double.IsFinite(p.GetProperty("eval_loss").GetDouble())));
    }

    [Fact]
    public async Task PrintsATableWithARowPerRank()
    {
        var outcome = await ClientCli.RunAsync(TestContext.Current.CancellationToken,
            "experiment", "head-rank", "--checkpoint", trained.CheckpointPath, "--spec", trained.SpecPath, "--ranks", "1,4", "--steps", "5");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("W-error(r)", outcome.Output);
        Assert.Contains("d=8", outcome.Output);
        var firstCells = outcome.Output.Split('\n').Select(l => l.Split('│')).Where(c => c.Length > 2).Select(c => c[1].Trim());
        Assert.Equal(["r", "1", "4"], firstCells.Where(c => c.Length > 0));
    }

    [Theory]
    [InlineData("--ranks 2", "--run")]
    [InlineData("--run r --checkpoint {checkpoint} --spec {spec} --ranks 2", "--run")]
    [InlineData("--checkpoint {checkpoint} --ranks 2", "--spec")]
    [InlineData("--checkpoint {checkpoint} --spec {spec} --ranks 0,2", "--ranks")]
    [InlineData("--checkpoint {checkpoint} --spec {spec} --ranks two", "--ranks")]
    [InlineData("--checkpoint {checkpoint} --spec {spec} --ranks 2,9", "--ranks")]
    [InlineData("--checkpoint {checkpoint} --spec {spec} --ranks 2,2", "--ranks")]
    [InlineData("--checkpoint {checkpoint} --spec {spec} --ranks 2 --steps 0", "--steps")]
    [InlineData("--checkpoint missing.ckpt --spec {spec} --ranks 2", "missing.ckpt")]
    public async Task BadInputPrintsOneSentenceNamingItAndExits2(string arguments, string named)
    {
        var args = arguments.Replace("{checkpoint}", trained.CheckpointPath).Replace("{spec}", trained.SpecPath).Split(' ');

        var outcome = await ClientCli.RunAsync(TestContext.Current.CancellationToken, ["experiment", "head-rank", .. args]);

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(named, line);
        Assert.Empty(outcome.Stray);
    }
}
