using OrleansSweep.Abstractions;
using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>status pages and filters, list, retry and results --top as a user types them, on one finished sweep of six tiny runs.</summary>
[Collection(SiloCollection.Name)]
public sealed class SweepPagingCommandTests(SiloFixture fixture) : IDisposable
{
    private const string Sweep = "paged";
    private readonly TemporaryDirectory specs = new();

    public void Dispose() => specs.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task StatusReturnsTheAskedPageOfRunsInSweepOrderWithTheCountsOfAll()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await LaunchAndFinishAsync(cancellation);

        var page = await JsonAsync(cancellation, "status", Sweep, "--page", "2", "--page-size", "2");
        var table = await RunAsync(cancellation, "status", Sweep, "--page", "2", "--page-size", "2");

        Assert.Equal([2, 3], page.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("spec").GetProperty("index").GetInt32()));
        Assert.Equal((2, 2, 6, 6), (page.GetProperty("page").GetInt32(), page.GetProperty("page_size").GetInt32(),
            page.GetProperty("matching").GetInt32(), page.GetProperty("planned").GetInt32()));
        Assert.Equal(6, page.GetProperty("counts").GetProperty("completed").GetInt32());
        Assert.Contains("6 completed; 6 planned", table.Output);
        Assert.Contains("page 2 of 3 (6 matching); --page N for another", table.Output);
    }

    [Fact(Timeout = 120_000)]
    public async Task StatusWithAStateListsOnlyThatStatesRunsAndCountsThem()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await LaunchAndFinishAsync(cancellation);

        var completed = await JsonAsync(cancellation, "status", Sweep, "--state", "completed", "--page", "2", "--page-size", "4");
        var running = await JsonAsync(cancellation, "status", Sweep, "--state", "running");
        var table = await RunAsync(cancellation, "status", Sweep, "--state", "completed", "--page-size", "4");

        Assert.Equal("completed", completed.GetProperty("state_filter").GetString());
        Assert.Equal(6, completed.GetProperty("matching").GetInt32());
        Assert.Equal([4, 5], completed.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("spec").GetProperty("index").GetInt32()));
        Assert.Equal(0, running.GetProperty("matching").GetInt32());
        Assert.Empty(running.GetProperty("runs").EnumerateArray());
        Assert.Contains("page 1 of 2 (6 completed); --page N for another", table.Output);
    }

    [Fact(Timeout = 120_000)]
    public async Task ListShowsTheSweepWithItsPhaseAndCounts()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await LaunchAndFinishAsync(cancellation);

        var json = await JsonAsync(cancellation, "list");
        var table = await RunAsync(cancellation, "list");

        var listed = Assert.Single(json.EnumerateArray(), s => s.GetProperty("sweep_id").GetString() == Sweep);
        Assert.Equal("active", listed.GetProperty("phase").GetString());
        Assert.Equal(6, listed.GetProperty("counts").GetProperty("completed").GetInt32());
        Assert.Contains(table.Output.Split('\n'), line => line.Contains(Sweep) && line.Contains("6/6") && line.Contains("6 completed"));
    }

    [Fact(Timeout = 120_000)]
    public async Task RetryOfDivergedRunsIsRefusedInOneSentenceAndOfNoFailedRunChangesNothing()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await LaunchAndFinishAsync(cancellation);

        var diverged = await ClientCli.RunAsync(cancellation, "retry", Sweep, "--state", "failed,diverged", "--gateway", fixture.Silo.Gateway);
        var failed = await JsonAsync(cancellation, "retry", Sweep);

        Assert.Equal(2, diverged.ExitCode);
        var line = Assert.Single(Lines(diverged.Output));
        Assert.StartsWith("error: diverged runs are not retried", line);
        Assert.Empty(diverged.Stray);
        Assert.Equal(6, failed.GetProperty("counts").GetProperty("completed").GetInt32());
        Assert.True(failed.GetProperty("is_finished").GetBoolean());
    }

    [Fact(Timeout = 120_000)]
    public async Task ResultsTopKShowsTheBestRunsByTheMetricFirstAndTheGroupOfAllSeeds()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await LaunchAndFinishAsync(cancellation);

        var best = await JsonAsync(cancellation, "results", Sweep, "--top", "1");
        var all = await JsonAsync(cancellation, "results", Sweep, "--top", "6");
        var table = await RunAsync(cancellation, "results", Sweep, "--top", "1");

        var row = Assert.Single(best.GetProperty("runs").EnumerateArray());
        var losses = all.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("final_eval_loss").GetDouble()).ToList();
        Assert.Equal(losses.Order(), losses);
        Assert.Equal(losses[0], row.GetProperty("final_eval_loss").GetDouble());
        var group = Assert.Single(all.GetProperty("groups").EnumerateArray());
        Assert.Equal((6, 6), (group.GetProperty("counts").GetProperty("completed").GetInt32(), group.GetProperty("measured").GetInt32()));
        Assert.Equal(losses[0], group.GetProperty("best").GetDouble());
        Assert.Contains("The best 1 of 6 runs by eval_loss (minimize), best first", table.Output);
        Assert.Contains("page 1 of 1 (1 groups)", table.Output);
    }

    // Six seeds of a tiny model, three at a time: finished in seconds; launching it again in the next test changes nothing.
    private async Task LaunchAndFinishAsync(CancellationToken cancellation)
    {
        var spec = specs.Write(Sweep + ".yaml", SpecYaml.Of(TinySweeps.Create(Sweep, 20, [new GridAxis("seed", [1, 2, 3, 4, 5, 6])], maxConcurrent: 3) with
        {
            Analysis = new AnalysisSpec { NgramOrder = 0 },
        }));
        var launch = await ClientCli.RunAsync(cancellation, "launch", spec, "--gateway", fixture.Silo.Gateway, "--json");
        Assert.True(launch.ExitCode == 0, $"{launch}{Environment.NewLine}silo:{Environment.NewLine}{fixture.Silo.Output}");
        // The long poll, as a user waits: it returns when the last run finished.
        var waited = await ClientCli.RunAsync(cancellation, "results", Sweep, "--wait", "--gateway", fixture.Silo.Gateway, "--json")
            .WaitAsync(TimeSpan.FromSeconds(90), cancellation);
        Assert.True(waited.ExitCode == 0, waited.ToString());
        Assert.True(waited.Json().GetProperty("is_finished").GetBoolean());
    }

    private async Task<JsonElement> JsonAsync(CancellationToken cancellation, params string[] args) => (await RunAsync(cancellation, [.. args, "--json"])).Json();

    private async Task<ClientCli.Outcome> RunAsync(CancellationToken cancellation, params string[] args)
    {
        var outcome = await ClientCli.RunAsync(cancellation, [.. args, "--gateway", fixture.Silo.Gateway]);
        Assert.True(outcome.ExitCode == 0, $"{outcome}{Environment.NewLine}silo:{Environment.NewLine}{fixture.Silo.Output}");
        Assert.Empty(outcome.Stray);
        return outcome;
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
