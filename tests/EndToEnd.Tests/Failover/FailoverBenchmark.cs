using System.Globalization;
using OrleansSweep.Abstractions;
using OrleansSweep.Client.Connection;
using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests.Failover;

/// <summary>
/// The numbers of docs/RELIABILITY.md: repeated SIGKILLs of a silo that trains runs, each timed from the kill to the
/// moment a run trains again (its grain's resume record), with the steps it redid. Explicit: `scripts/bench-failover` runs it.
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class FailoverBenchmark : IDisposable
{
    private const int Kills = 6;
    private const double ReminderPeriodSeconds = 10; // FailoverOptions.ReminderPeriod's default, which the silos run with
    private const string ClusterId = "bench";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private readonly TemporaryDirectory data = new();

    // Kills land at a random moment of the reminder period, as real failures do; without this wait each kill would follow the
    // previous resume (and so the previous reminder tick) by the same time, and every sample would see the same phase.
    private readonly Random phase = new(4);

    public void Dispose() => data.Dispose();

    [Fact(Explicit = true, Timeout = 1_800_000)]
    public async Task EmbeddedSiloKilledAndRestarted()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var (siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next());
        var target = new ClusterTarget($"127.0.0.1:{gatewayPort}");
        var silo = await SiloProcess.StartAsync(data.Path, siloPort, gatewayPort, [], cancellation);
        var rows = new List<string>();
        try
        {
            await LaunchAsync(target, cancellation);
            for (var kill = 1; kill <= Kills; kill++)
            {
                var before = await RunningStepsAsync(target, cancellation);
                var killedAt = DateTime.UtcNow;
                await silo.KillAsync();
                var newest = FailoverSweep.NewestCheckpoints(Path.Combine(data.Path, "checkpoints"));
                await silo.DisposeAsync();
                silo = await SiloProcess.StartAsync(data.Path, siloPort, gatewayPort, [], cancellation);
                rows.AddRange(await ResumedAsync(target, kill, killedAt, before, Path.Combine(data.Path, "checkpoints"), newest, cancellation));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}{Environment.NewLine}{silo.Output}", e);
        }
        finally
        {
            await silo.DisposeAsync();
        }
        Report("embedded", rows);
    }

    [Fact(Explicit = true, Timeout = 1_800_000)]
    public async Task RedisClusterSiloKilledAndRestarted()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.StartAsync(cancellation);
        var checkpoints = Path.Combine(data.Path, "checkpoints");
        var ports = Enumerable.Range(0, 3).Select(_ => (Silo: FreePort.Next(), Gateway: FreePort.Next())).ToList();
        var target = new ClusterTarget(string.Join(",", ports.Select(p => $"127.0.0.1:{p.Gateway}")), redis.Endpoint, ClusterId);
        Task<SiloProcess> Start(int i) => SiloProcess.StartAsync(Directory.CreateDirectory(Path.Combine(data.Path, $"silo-{i}")).FullName,
            ports[i].Silo, ports[i].Gateway, ["--redis", redis.Endpoint, "--cluster-id", ClusterId, "--checkpoints", checkpoints], cancellation);
        var silos = (await Task.WhenAll(Enumerable.Range(0, 3).Select(Start))).ToList();
        var rows = new List<string>();
        var kills = new List<(DateTime At, IReadOnlySet<string> VictimRuns)>();
        try
        {
            await FailoverSweep.UntilSilosActiveAsync(target, 3, Patience, cancellation);
            await LaunchAsync(target, cancellation);
            for (var kill = 1; kill <= Kills; kill++)
            {
                var before = await RunningStepsAsync(target, cancellation);
                var victim = Enumerable.Range(0, 3).MaxBy(i => before.Count(b => b.Value.Silo.Contains($":{ports[i].Silo}@")));
                var victimRuns = before.Where(b => b.Value.Silo.Contains($":{ports[victim].Silo}@")).ToDictionary();
                var killedAt = DateTime.UtcNow;
                await silos[victim].KillAsync();
                kills.Add((killedAt, victimRuns.Keys.ToHashSet()));
                var newest = FailoverSweep.NewestCheckpoints(checkpoints);
                rows.AddRange(await ResumedAsync(target, kill, killedAt, victimRuns, checkpoints, newest, cancellation));
                // The machine comes back, so the next kill again leaves two survivors.
                await silos[victim].DisposeAsync();
                silos[victim] = await Start(victim);
            }
            rows.Add("");
            rows.Add($"Runs on surviving silos that stopped and resumed after a kill: {await SurvivorsStoppedAsync(target, kills, cancellation)}.");
        }
        finally
        {
            foreach (var silo in silos) await silo.DisposeAsync();
        }
        Report("redis, 3 silos", rows);
    }

    // Resumes of runs the killed silo did not train, between each kill and the next: work a death cost beyond its own runs.
    private static async Task<int> SurvivorsStoppedAsync(
        ClusterTarget target, IReadOnlyList<(DateTime At, IReadOnlySet<string> VictimRuns)> kills, CancellationToken cancellation)
    {
        await using var connection = await ClusterConnection.ConnectAsync(target, cancellation);
        var status = await connection.Client.GetGrain<ISweepCoordinatorGrain>("bench").GetStatusAsync();
        return kills.Select((kill, i) => status!.Runs
            .Where(r => !kill.VictimRuns.Contains(r.Spec.RunId))
            .Count(r => r.Resumes.Any(resume => resume.At >= kill.At && (i + 1 == kills.Count || resume.At < kills[i + 1].At)))).Sum();
    }

    private async Task LaunchAsync(ClusterTarget target, CancellationToken cancellation)
    {
        var bench = FailoverSweep.Spec("bench");
        var spec = data.Write("bench.yaml", SpecYaml.Of(bench with { Training = bench.Training with { Steps = 1_000_000 } }));
        var args = new List<string> { "launch", spec, "--gateway", target.Gateways, "--cluster-id", target.ClusterId };
        if (target.Redis is { } redis) args.AddRange(["--redis", redis]);
        var launched = await ClientCli.RunAsync(cancellation, [.. args]);
        Assert.True(launched.ExitCode == 0, launched.ToString());
    }

    // Which silo trains each run, just before the kill (after a random wait).
    private async Task<Dictionary<string, (int Step, string Silo)>> RunningStepsAsync(ClusterTarget target, CancellationToken cancellation)
    {
        await Task.Delay(TimeSpan.FromSeconds(phase.NextDouble() * ReminderPeriodSeconds), cancellation);
        await using var connection = await ClusterConnection.ConnectAsync(target, cancellation);
        var status = await FailoverSweep.UntilAsync(connection, "bench",
            s => s.Runs.All(r => r.State == RunState.Running && r.Silo is not null && r.Step >= 2 * FailoverSweep.EvalEvery), Patience, cancellation);
        // All at once, and the kill follows at once: the runs keep training in between.
        var summaries = await Task.WhenAll(status.Runs.Select(r => connection.Client.GetGrain<ITrainingRunGrain>(r.Spec.RunId).GetSummaryAsync()));
        return summaries.ToDictionary(s => s!.Spec.RunId, s => (s!.Step, s.Silo!));
    }

    // Nothing asks the cluster until each killed run wrote a new checkpoint: a client call could wake a run before its reminder does.
    private static async Task<List<string>> ResumedAsync(
        ClusterTarget target, int kill, DateTime killedAt, IReadOnlyDictionary<string, (int Step, string Silo)> before,
        string checkpoints, IReadOnlyDictionary<string, int> newest, CancellationToken cancellation)
    {
        foreach (var run in before.Keys)
            await FailoverSweep.UntilNewCheckpointAsync(checkpoints, newest.Where(n => n.Key == run).ToDictionary(), Patience, cancellation, [run]);
        await using var connection = await ClusterConnection.ConnectAsync(target, cancellation);
        var status = await FailoverSweep.UntilAsync(connection, "bench",
            s => before.Keys.All(id => s.Runs.Single(r => r.Spec.RunId == id).Resumes.Any(r => r.At >= killedAt)), Patience, cancellation);
        return before.Select(b =>
        {
            var resume = status.Runs.Single(r => r.Spec.RunId == b.Key).Resumes.First(r => r.At >= killedAt);
            var seconds = (resume.At - killedAt).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
            // The grain hears of steps late under load (seen: 200 steps), so its last reported step says little of where
            // training was; the newest checkpoint on disk when the silo died says where it could resume from at best.
            var onDisk = newest.GetValueOrDefault(b.Key);
            return $"| {kill} | {b.Key[(b.Key.IndexOf('.') + 1)..]} | {seconds} | {onDisk} | {resume.FromStep} | {(resume.FromStep == onDisk ? "yes" : "no")} |";
        }).ToList();
    }

    private static void Report(string mode, IReadOnlyList<string> rows)
    {
        var table = string.Join(Environment.NewLine,
            [$"### {mode}", "", "| kill | run | kill → training again (s) | newest checkpoint at the kill | resumed from | from the newest |", "|---|---|---|---|---|---|", .. rows]);
        TestContext.Current.SendDiagnosticMessage(table);
        var output = Environment.GetEnvironmentVariable("FAILOVER_BENCH_OUT");
        if (!string.IsNullOrEmpty(output)) File.AppendAllText(output, table + Environment.NewLine + Environment.NewLine);
    }
}
