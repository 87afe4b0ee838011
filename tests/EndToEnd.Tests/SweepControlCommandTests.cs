using OrleansSweep.Abstractions;
using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>pause, resume, max-concurrent and cancel as a user types them, against a real silo process.</summary>
[Collection(SiloCollection.Name)]
public sealed class SweepControlCommandTests(SiloFixture fixture) : IDisposable
{
    private readonly TemporaryDirectory specs = new();

    public void Dispose() => specs.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task EachCommandPrintsTheSweepsNewPhaseAndCapacityAsJson()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = specs.Write("controlled.yaml", SpecYaml.Of(new SweepSpec
        {
            Name = "controlled",
            MaxConcurrent = 1,
            Corpus = TinySweeps.Corpus,
            Model = TinySweeps.Model,
            Training = new TrainingSpec { Steps = 100_000, BatchSize = 8, WarmupSteps = 5, EvalEvery = 50, EvalTokens = 512, CheckpointEvery = 50 },
            Grid = [new GridAxis("seed", [1, 2, 3])],
            Probes = new ProbeSpec { Kinds = [] },
            Analysis = new AnalysisSpec { NgramOrder = 0 },
        }));
        Assert.Equal(0, (await ClientCli.RunAsync(cancellation, "launch", spec, "--gateway", fixture.Silo.Gateway)).ExitCode);

        var widened = await RunAsync(cancellation, "max-concurrent", "controlled", "2");
        Assert.Equal(2, widened.GetProperty("max_concurrent").GetInt32());
        Assert.Equal(2, States(widened).Count(s => s == "running"));
        var paused = await RunAsync(cancellation, "pause", "controlled");
        Assert.Equal("paused", paused.GetProperty("phase").GetString());
        Assert.Equal(["paused", "paused", "pending"], States(paused));
        // Waiting on a paused sweep would never end: one sentence saying how to resume it, not a hang.
        var waited = await ClientCli.RunAsync(cancellation, "results", "controlled", "--wait", "--gateway", fixture.Silo.Gateway);
        Assert.Equal(2, waited.ExitCode);
        Assert.Contains("is paused", waited.Output);
        Assert.Contains("resume controlled", waited.Output);
        var resumed = await RunAsync(cancellation, "resume", "controlled");
        Assert.Equal("active", resumed.GetProperty("phase").GetString());
        Assert.Equal(["running", "running", "pending"], States(resumed));
        var cancelled = await RunAsync(cancellation, "cancel", "controlled");
        Assert.Equal("cancelled", cancelled.GetProperty("phase").GetString());
        Assert.All(States(cancelled), s => Assert.Equal("cancelled", s));

        var refused = await ClientCli.RunAsync(cancellation, "resume", "controlled", "--gateway", fixture.Silo.Gateway);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("was cancelled", refused.Output);
        var zero = await ClientCli.RunAsync(cancellation, "max-concurrent", "controlled", "0", "--gateway", fixture.Silo.Gateway);
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("at least 1", zero.Output);
        var unknown = await ClientCli.RunAsync(cancellation, "pause", "never-launched", "--gateway", fixture.Silo.Gateway);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("never-launched", unknown.Output);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("cancel")]
    [InlineData("max-concurrent", "2")]
    [InlineData("results")]
    [InlineData("results", "--wait")]
    public async Task AnIdWithNoSweepIsOneSentenceNamingItAndExits2(string command, params string[] more)
    {
        var outcome = await ClientCli.RunAsync(TestContext.Current.CancellationToken,
            [command, "never-launched", .. more, "--gateway", fixture.Silo.Gateway]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("error: no sweep has the id 'never-launched'.", Assert.Single(outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        Assert.Empty(outcome.Stray);
    }

    private async Task<JsonElement> RunAsync(CancellationToken cancellation, params string[] args)
    {
        var outcome = await ClientCli.RunAsync(cancellation, [.. args, "--gateway", fixture.Silo.Gateway, "--json"]);
        Assert.True(outcome.ExitCode == 0, $"{outcome}{Environment.NewLine}silo:{Environment.NewLine}{fixture.Silo.Output}");
        return outcome.Json();
    }

    private static List<string> States(JsonElement status) =>
        status.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("state").GetString()!).ToList();
}
