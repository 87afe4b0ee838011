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
        var training = report.GetProperty("trainingSeconds").GetDouble();
        Assert.True(training > 0, "every run carries back the seconds of its training loop");
        Assert.Equal(training / 3, report.GetProperty("meanRunTrainingSeconds").GetDouble(), 1e-9);
        // At most two loops run at once, so their seconds over two cannot exceed the wall time they ran in.
        var (wall, ideal) = (report.GetProperty("wallSeconds").GetDouble(), report.GetProperty("idealSeconds").GetDouble());
        Assert.Equal(training / 2, ideal, 1e-9);
        Assert.InRange(ideal, 0, wall);
        Assert.Equal((wall - ideal) / ideal, report.GetProperty("overhead").GetDouble(), 1e-9);
    }
}
