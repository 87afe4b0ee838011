using OrleansSweep.Abstractions;
using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>The client's commands against a real Silo process, as a user runs them.</summary>
[Collection(SiloCollection.Name)]
public sealed class ClientAgainstSiloTests(SiloFixture fixture) : IDisposable
{
    private const int TestTimeoutMs = 150_000;
    private static readonly TimeSpan SweepPatience = TimeSpan.FromSeconds(120);
    private readonly TemporaryDirectory specs = new();

    public void Dispose() => specs.Dispose();

    [Fact(Timeout = TestTimeoutMs)]
    public async Task LaunchedSweepFinishesAndItsResultsReportEveryRunsGap()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = WriteSpec(TinySweeps.Create("e2e-widths", 60, [new GridAxis("d_model", [4, 8])], maxConcurrent: 2) with { Probes = new() });

        var launch = await ClientCli.RunAsync("launch", spec, "--gateway", fixture.Silo.Gateway, "--json");
        Assert.True(launch.ExitCode == 0, $"{launch}{Environment.NewLine}silo:{Environment.NewLine}{fixture.Silo.Output}");
        Assert.Equal(2, launch.Json().GetProperty("runs").GetArrayLength());

        await WaitUntilFinishedAsync("e2e-widths", cancellation);
        var results = await ClientCli.RunAsync("results", "e2e-widths", "--gateway", fixture.Silo.Gateway, "--json");

        Assert.True(results.ExitCode == 0, results.ToString());
        Assert.Empty(results.Stray);
        var json = results.Json();
        var optimal = json.GetProperty("optimal_loss").GetDouble();
        Assert.True(optimal > 0);
        Assert.True(json.GetProperty("is_finished").GetBoolean());
        var runs = json.GetProperty("runs").EnumerateArray().ToList();
        // Best first by the sweep's metric, the latest eval loss.
        Assert.Equal([4, 8], runs.Select(r => r.GetProperty("model").GetProperty("d_model").GetInt32()).Order());
        Assert.True(runs[0].GetProperty("final_eval_loss").GetDouble() <= runs[1].GetProperty("final_eval_loss").GetDouble());
        Assert.All(runs, run =>
        {
            Assert.Equal("completed", run.GetProperty("state").GetString());
            Assert.Equal(60, run.GetProperty("step").GetInt32());
            var final = run.GetProperty("final_eval_loss").GetDouble();
            Assert.True(double.IsFinite(final));
            Assert.Equal(final - optimal, run.GetProperty("gap").GetDouble(), 1e-12);
        });
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task EveryStoredCheckpointOfARunCanBeProbedAgainWithAKindItWasNotProbedWith()
    {
        var spec = WriteSpec(TinySweeps.Create("e2e-reprobe", 40, []) with
        {
            Probes = new ProbeSpec { Every = 20, LogSpaced = false, Positions = 64, Kinds = ["head_spectrum"] },
            Analysis = new AnalysisSpec { NgramOrder = 0 },
        });
        Assert.Equal(0, (await ClientCli.RunAsync("launch", spec, "--gateway", fixture.Silo.Gateway, "--json")).ExitCode);
        var results = await ClientCli.RunAsync("results", "e2e-reprobe", "--wait", "--gateway", fixture.Silo.Gateway, "--json")
            .WaitAsync(SweepPatience, TestContext.Current.CancellationToken);
        var run = results.Json().GetProperty("runs")[0].GetProperty("run_id").GetString()!;

        var probe = await ClientCli.RunAsync("probe", "--run", run, "--all-checkpoints", "--kinds", "anisotropy", "--wait",
            "--gateway", fixture.Silo.Gateway, "--json").WaitAsync(SweepPatience, TestContext.Current.CancellationToken);

        Assert.True(probe.ExitCode == 0, $"{probe}{Environment.NewLine}silo:{Environment.NewLine}{fixture.Silo.Output}");
        var json = probe.Json();
        // Checkpoints at 20 and 40 (every 20, last step); the run was never probed for anisotropy, now it is at both.
        Assert.Equal(2, json.GetProperty("checkpoints").GetInt32());
        var series = Assert.Single(json.GetProperty("series").EnumerateArray());
        Assert.Equal("anisotropy", series.GetProperty("kind").GetString());
        Assert.Equal([20, 40], series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("step").GetInt32()));
        Assert.Equal(0, series.GetProperty("pending").GetInt32());
        Assert.All(series.GetProperty("points").EnumerateArray(),
            p => Assert.InRange(p.GetProperty("scalars").GetProperty("final").GetDouble(), -1.0, 1.0));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task ReportOfALiveSweepDrawsItsFiguresFromWhatTheRunsAndProbesRecorded()
    {
        var spec = WriteSpec(TinySweeps.Create("e2e-report", 40, [new GridAxis("d_model", [4, 8, 16])], maxConcurrent: 3) with
        {
            Probes = new ProbeSpec { Every = 20, Positions = 64 },
        });
        Assert.Equal(0, (await ClientCli.RunAsync("launch", spec, "--gateway", fixture.Silo.Gateway, "--json")).ExitCode);
        var results = (await ClientCli.RunAsync("results", "e2e-report", "--wait", "--gateway", fixture.Silo.Gateway, "--json")
            .WaitAsync(SweepPatience, TestContext.Current.CancellationToken)).Json();
        var output = Path.Combine(specs.Path, "report");

        var report = await ClientCli.RunAsync("report", "e2e-report", "--out", output, "--save-json", "--gateway", fixture.Silo.Gateway, "--json")
            .WaitAsync(SweepPatience, TestContext.Current.CancellationToken);

        Assert.True(report.ExitCode == 0, report.ToString());
        var files = report.Json().GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetString())).ToList();
        foreach (var figure in new[] { "eval_loss.png", "singular_entropy.png", "final_anisotropy.png", "anisotropy_by_layer.png", "w_error.png", "scaling_law.png", "summary.md" })
            Assert.Contains(figure, files);
        // The saved data is what the cluster recorded: each run's final loss, its eval steps, its probe steps and the fit.
        var data = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report-data.json"))).RootElement;
        var runs = results.GetProperty("runs").EnumerateArray().ToList();
        var drawn = data.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(runs.Select(r => r.GetProperty("run_id").GetString()), drawn.Select(r => r.GetProperty("run_id").GetString()));
        Assert.Equal(runs.Select(r => r.GetProperty("final_eval_loss").GetDouble()), drawn.Select(r => r.GetProperty("final_loss").GetDouble()));
        Assert.All(drawn, r =>
        {
            Assert.Equal([0, 1, 2, 4, 8, 16, 20, 40], r.GetProperty("eval_loss").GetProperty("steps").EnumerateArray().Select(s => s.GetInt32()));
            Assert.Equal([1, 2, 4, 8, 16, 20, 40], r.GetProperty("singular_entropy").GetProperty("steps").EnumerateArray().Select(s => s.GetInt32()));
            Assert.Equal(2, r.GetProperty("anisotropy_by_layer").GetArrayLength()); // embedding output and the one block
        });
        Assert.Equal(results.GetProperty("scaling_laws")[0].GetProperty("e").GetDouble(), data.GetProperty("fit").GetProperty("e").GetDouble());
        Assert.Equal(results.GetProperty("ngram").GetProperty("noise_aware_rank").GetInt32(), data.GetProperty("ngram").GetProperty("noise_aware_rank").GetInt32());
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task ProbeWithRunButNoAllCheckpointsOrWithBothSourcesSaysWhatToGive()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var runOnly = await ClientCli.RunAsync("probe", "--run", "some-run", "--gateway", fixture.Silo.Gateway).WaitAsync(cancellation);
        var both = await ClientCli.RunAsync("probe", "x.ckpt", "--run", "some-run").WaitAsync(cancellation);
        var unknown = await ClientCli.RunAsync("probe", "--run", "no-such-run", "--all-checkpoints", "--gateway", fixture.Silo.Gateway)
            .WaitAsync(cancellation);

        Assert.Equal((2, 2, 2), (runOnly.ExitCode, both.ExitCode, unknown.ExitCode));
        Assert.Contains("add --all-checkpoints", Assert.Single(Lines(runOnly.Output)));
        Assert.Contains("not both", Assert.Single(Lines(both.Output)));
        Assert.Contains("run no-such-run does not exist", Assert.Single(Lines(unknown.Output)));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task LaunchOfASpecWithAnUnknownFieldPrintsOneLineNamingItAndExits2()
    {
        var spec = WriteSpec("typo", """
            name: typo
            model:
              d_modle: 8
            """);

        var launch = await ClientCli.RunAsync("launch", spec, "--gateway", fixture.Silo.Gateway).WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, launch.ExitCode);
        var line = Assert.Single(Lines(launch.Output));
        Assert.StartsWith("error: ", line);
        Assert.Contains("d_modle", line);
        Assert.Empty(launch.Stray);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task StatusWithNoSiloListeningPrintsOneSentenceAndExits2()
    {
        var port = FreePort.Next();

        var status = await ClientCli.RunAsync("status", "anything", "--gateway", $"127.0.0.1:{port}").WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, status.ExitCode);
        var line = Assert.Single(Lines(status.Output));
        Assert.StartsWith("error: ", line);
        Assert.Contains($"127.0.0.1:{port}", line);
        Assert.Empty(status.Stray);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task StatusOfAnUnknownSweepPrintsOneSentenceAndExits2()
    {
        var status = await ClientCli.RunAsync("status", "never-launched", "--gateway", fixture.Silo.Gateway)
            .WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, status.ExitCode);
        Assert.Contains("never-launched", Assert.Single(Lines(status.Output)));
        Assert.Empty(status.Stray);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task HeadRankExperimentOnARunByIdScoresItsLatestCheckpoint()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = WriteSpec(new SweepSpec
        {
            Name = "e2e-head-rank",
            Corpus = TinySweeps.Corpus,
            Model = TinySweeps.Model,
            Training = new TrainingSpec { Steps = 30, BatchSize = 8, LearningRate = 0.01, WarmupSteps = 5, EvalTokens = 512 },
        });
        var launch = await ClientCli.RunAsync("launch", spec, "--gateway", fixture.Silo.Gateway, "--json");
        Assert.True(launch.ExitCode == 0, $"{launch}{Environment.NewLine}silo:{Environment.NewLine}{fixture.Silo.Output}");
        await WaitUntilFinishedAsync("e2e-head-rank", cancellation);
        var run = (await ClientCli.RunAsync("status", "e2e-head-rank", "--gateway", fixture.Silo.Gateway, "--json"))
            .Json().GetProperty("runs")[0];
        Assert.Equal("completed", run.GetProperty("state").GetString());

        var outcome = await ClientCli.RunAsync(cancellation, "experiment", "head-rank", "--run", run.GetProperty("spec").GetProperty("run_id").GetString()!,
            "--ranks", "2", "--steps", "5", "--gateway", fixture.Silo.Gateway, "--json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var json = outcome.Json();
        Assert.Equal(run.GetProperty("checkpoint_path").GetString(), json.GetProperty("checkpoint").GetString());
        // The run's last checkpoint is its final model, scored on the run's own eval tokens (the silo may sum in another thread order).
        Assert.Equal(run.GetProperty("final_eval_loss").GetDouble(), json.GetProperty("experiment").GetProperty("reference_loss").GetDouble(), 1e-5);
        Assert.Equal(2, json.GetProperty("experiment").GetProperty("points")[0].GetProperty("rank").GetInt32());
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task HeadRankExperimentOnAnUnknownRunPrintsOneSentenceAndExits2()
    {
        var outcome = await ClientCli.RunAsync(TestContext.Current.CancellationToken,
            "experiment", "head-rank", "--run", "never-launched/0", "--ranks", "2", "--gateway", fixture.Silo.Gateway);

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(Lines(outcome.Output));
        Assert.StartsWith("error: ", line);
        Assert.Contains("never-launched/0", line);
        Assert.Empty(outcome.Stray);
    }

    private async Task WaitUntilFinishedAsync(string sweep, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(SweepPatience);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        ClientCli.Outcome? last = null;
        try
        {
            while (true)
            {
                last = await ClientCli.RunAsync("status", sweep, "--gateway", fixture.Silo.Gateway, "--json").WaitAsync(deadline.Token);
                Assert.True(last.ExitCode == 0, last.ToString());
                if (last.Json().GetProperty("is_finished").GetBoolean()) return;
                await timer.WaitForNextTickAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            Assert.Fail($"sweep {sweep} did not finish within {SweepPatience}; last status: {last}");
        }
    }

    private string WriteSpec(SweepSpec spec) => WriteSpec(spec.Name, SpecYaml.Of(spec));

    private string WriteSpec(string name, string yaml) => specs.Write(name + ".yaml", yaml);

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
