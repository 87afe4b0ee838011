using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>`bench sweep` trains its grid on an embedded silo in this process and sets the wall time against the runs' own.</summary>
public sealed class BenchSweepCommandTests
{
    [Fact(Timeout = 120_000)]
    public async Task ThreeRunsReportTheirTrainingSecondsAndAWallNoShorterThanTheIdeal()
    {
        var outcome = await ClientCli.RunAsync(TestContext.Current.CancellationToken, "bench", "sweep", "--runs", "3", "--json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var report = outcome.Json();
        Assert.Equal(3, report.GetProperty("runs").GetInt32());
        Assert.Equal(0, report.GetProperty("resumes").GetInt32());
        var training = report.GetProperty("training_seconds").GetDouble();
        Assert.True(training > 0, "every run carries back the seconds of its training loop");
        Assert.Equal(training / 3, report.GetProperty("mean_run_training_seconds").GetDouble(), 1e-9);
        // At most two loops run at once, so their seconds over two cannot exceed the wall time they ran in.
        var (wall, ideal) = (report.GetProperty("wall_seconds").GetDouble(), report.GetProperty("ideal_seconds").GetDouble());
        Assert.Equal(training / 2, ideal, 1e-9);
        Assert.InRange(ideal, 0, wall);
        Assert.Equal((wall - ideal) / ideal, report.GetProperty("overhead").GetDouble(), 1e-9);
    }

    [Fact(Timeout = 120_000)]
    public async Task ASearchBenchRunsBothMethodsAtTheSameBudgetAndReportsEachBest()
    {
        var outcome = await ClientCli.RunAsync(TestContext.Current.CancellationToken, "bench", "search", "--runs", "2", "--seeds", "1", "--steps", "20", "--json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var searches = outcome.Json().EnumerateArray().ToList();
        Assert.Equal(["random", "bayes"], searches.Select(s => s.GetProperty("method").GetString()));
        Assert.All(searches, s => Assert.Equal(2, s.GetProperty("runs").GetInt32()));
        Assert.All(searches, s => Assert.InRange(s.GetProperty("best_eval_loss").GetDouble(), 0.1, 10));
    }
}
