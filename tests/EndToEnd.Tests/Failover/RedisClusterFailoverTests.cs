using OrleansSweep.Abstractions;
using OrleansSweep.Client.Connection;
using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests.Failover;

/// <summary>
/// A real redis-server and three real silo processes: SIGKILL the silo that trains runs, then the whole cluster. The sweep
/// finishes by itself, each run exactly as if it had never stopped.
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class RedisClusterFailoverTests : IDisposable
{
    private const string ClusterId = "e2e";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private readonly TemporaryDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact(Timeout = 480_000)]
    public Task KilledSiloLosesNothingAndTheSweepCompletesWithNoClientAction() => RunAsync(restartWholeCluster: false, TestContext.Current.CancellationToken);

    [Fact(Timeout = 480_000)]
    public Task KilledSiloAndThenKilledClusterLoseNothingAndTheSweepCompletesWithNoClientAction() => RunAsync(restartWholeCluster: true, TestContext.Current.CancellationToken);

    [Fact(Timeout = 480_000)]
    public async Task ALargeSweepKeepsExactCountsWhenASiloIsKilledWhileItRuns()
    {
        var cancellation = TestContext.Current.CancellationToken;
        const int runs = 200;
        await using var redis = await RedisServer.StartAsync(cancellation);
        var ports = Enumerable.Range(0, 3).Select(_ => (Silo: FreePort.Next(), Gateway: FreePort.Next())).ToList();
        var silos = await StartClusterAsync(redis, ports, Path.Combine(data.Path, "checkpoints"), cancellation);
        try
        {
            var target = new ClusterTarget(string.Join(",", ports.Select(p => $"127.0.0.1:{p.Gateway}")), ClusterId: ClusterId);
            await FailoverSweep.UntilSilosActiveAsync(target, 3, Patience, cancellation);
            var spec = TinySweeps.Create("large", steps: 20, [new GridAxis("seed", [.. Enumerable.Range(1, runs).Select(s => (double)s)])], maxConcurrent: 6)
                with { Analysis = new AnalysisSpec { NgramOrder = 0 } };
            await using var connection = await ClusterConnection.ConnectAsync(target, cancellation);
            await connection.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name).LaunchAsync(spec);
            var running = await FailoverSweep.UntilAsync(connection, spec.Name, s => s.Counts.Completed >= 20 && s.Counts.Running > 0, Patience, cancellation);
            var page = (await connection.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name).GetStatusAsync(new StatusQuery { State = RunState.Running }))!;
            var victim = silos.MaxBy(s => page.Runs.Count(r => Hosts(s, r)))!;
            Assert.Contains(page.Runs, r => Hosts(victim, r));
            await victim.KillAsync();

            var done = await FailoverSweep.UntilAsync(connection, spec.Name, s => s.IsFinished, Patience, cancellation);

            Assert.True(running.Counts.Completed < runs, "the silo died while the sweep ran");
            Assert.Equal((runs, runs, runs), (done.Planned, done.Counts.Total, done.Counts.Completed));
            var all = new List<RunSummary>();
            for (var p = 1; p <= 2; p++)
                all.AddRange((await connection.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name).GetStatusAsync(new StatusQuery { Page = p, PageSize = 100 }))!.Runs);
            Assert.Equal(runs, all.Select(r => r.Spec.RunId).Distinct().Count());
            Assert.All(all, r => Assert.Equal((RunState.Completed, 20, 0), (r.State, r.Step, r.Failures)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}{Environment.NewLine}{string.Join(Environment.NewLine, silos.Select(s => s.Output))}", e);
        }
        finally
        {
            await DisposeAllAsync(silos);
        }
    }

    private async Task RunAsync(bool restartWholeCluster, CancellationToken cancellation)
    {
        await using var redis = await RedisServer.StartAsync(cancellation);
        var checkpoints = Path.Combine(data.Path, "checkpoints");
        var ports = Enumerable.Range(0, 3).Select(_ => (Silo: FreePort.Next(), Gateway: FreePort.Next())).ToList();
        var silos = await StartClusterAsync(redis, ports, checkpoints, cancellation);
        try
        {
            await FailoverSweep.UntilSilosActiveAsync(new ClusterTarget("127.0.0.1:1", redis.Endpoint, ClusterId), 3, Patience, cancellation);
            var specPath = data.Write("failover.yaml", SpecYaml.Of(FailoverSweep.Spec("failover", batchSize: 64)));
            var launched = await ClientCli.RunAsync(cancellation, "launch", specPath, "--redis", redis.Endpoint, "--cluster-id", ClusterId, "--json");
            Assert.True(launched.ExitCode == 0, launched.ToString());

            // Through every gateway: the client fails over from the one that dies to the others.
            var gateways = string.Join(",", ports.Select(p => $"127.0.0.1:{p.Gateway}"));
            SweepStatus beforeKill;
            SiloProcess victim;
            List<RunSummary> victimRuns;
            await using (var connection = await ClusterConnection.ConnectAsync(new ClusterTarget(gateways, ClusterId: ClusterId), cancellation))
            {
                beforeKill = await FailoverSweep.UntilAsync(connection, "failover",
                    s => s.Runs.Count(r => r.State == RunState.Running && r.Step >= 2 * FailoverSweep.EvalEvery && r.Silo is not null) >= 2,
                    Patience, cancellation);
                // Four runs launched at once train on all three silos (SpreadPlacement), not on the coordinator's alone.
                Assert.Equal(3, silos.Count(s => beforeKill.Runs.Any(r => Hosts(s, r))));
                victim = silos.MaxBy(s => beforeKill.Runs.Count(r => r.State == RunState.Running && Hosts(s, r)))!;
                victimRuns = beforeKill.Runs.Where(r => r.State == RunState.Running && Hosts(victim, r)).ToList();
                Assert.NotEmpty(victimRuns);
                var killedAt = DateTime.UtcNow;
                await victim.KillAsync();

                if (restartWholeCluster)
                {
                    // As soon as one of its runs writes a checkpoint on a survivor, the whole cluster dies at once: waiting for
                    // more (every run's resume, a client process) would let these tiny runs finish first. Batches of 64 keep
                    // them unfinished until then; more steps would not do, since across processes float32 rounding lets a long
                    // run's losses drift from the reference (seen: 3e-5 relative by step 2000).
                    var atKill = FailoverSweep.NewestCheckpoints(checkpoints);
                    await FailoverSweep.UntilNewCheckpointAsync(checkpoints, atKill, Patience, cancellation, victimRuns.Select(v => v.Spec.RunId).ToList());
                    foreach (var silo in silos) await silo.KillAsync();
                }
                else
                {
                    // Each of its runs trains again on a surviving silo, woken by its reminder: no client call names it.
                    var failedOver = await FailoverSweep.UntilAsync(connection, "failover",
                        s => victimRuns.All(v => Resumed(s, v.Spec.RunId, killedAt) is { } resume && !resume.Silo.Contains($":{victim.SiloPort}@")),
                        Patience, cancellation);
                    Assert.All(failedOver.Runs, r => Assert.Equal(0, r.Failures));
                    // A new client given the dead gateway first connects through the next one.
                    var survivor = silos.First(s => s != victim);
                    var status = await ClientCli.RunAsync(cancellation, "status", "failover", "--gateway",
                        $"127.0.0.1:{victim.GatewayPort},127.0.0.1:{survivor.GatewayPort}", "--cluster-id", ClusterId, "--json");
                    Assert.True(status.ExitCode == 0, status.ToString());
                    Assert.Equal(4, status.Json().GetProperty("runs").GetArrayLength());
                }
            }

            if (restartWholeCluster)
            {
                // Started again on the same ports, the cluster resumes every unfinished run before anyone asks.
                var newest = FailoverSweep.NewestCheckpoints(checkpoints);
                Assert.True(newest.Values.Any(step => step < FailoverSweep.Steps),
                    $"every run had finished before the whole cluster was killed, so nothing could show it resuming: {string.Join(", ", newest)}");
                await DisposeAllAsync(silos);
                silos = await StartClusterAsync(redis, ports, checkpoints, cancellation);
                await FailoverSweep.UntilNewCheckpointAsync(checkpoints, newest, Patience, cancellation);
            }
            await using var after = await ClusterConnection.ConnectAsync(new ClusterTarget(gateways, redis.Endpoint, ClusterId), cancellation);
            var done = await FailoverSweep.UntilAsync(after, "failover", s => s.IsFinished, Patience, cancellation);
            await FailoverSweep.AssertCompleteAndExactAsync(after, done, checkpoints);
            Assert.All(victimRuns, v => Assert.NotEmpty(done.Runs.Single(r => r.Spec.RunId == v.Spec.RunId).Resumes));
            // Losing one silo costs only its own runs: a survivor's run trains on without a stop.
            if (!restartWholeCluster)
                Assert.All(done.Runs.Where(r => victimRuns.All(v => v.Spec.RunId != r.Spec.RunId)), r => Assert.Empty(r.Resumes));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}{Environment.NewLine}{string.Join(Environment.NewLine, silos.Select(s => s.Output))}", e);
        }
        finally
        {
            await DisposeAllAsync(silos);
        }
    }

    private static bool Hosts(SiloProcess silo, RunSummary run) => run.Silo?.Contains($":{silo.SiloPort}@") == true;

    private static RunResume? Resumed(SweepStatus status, string runId, DateTime after) =>
        status.Runs.Single(r => r.Spec.RunId == runId).Resumes.LastOrDefault(r => r.At >= after);

    private async Task<List<SiloProcess>> StartClusterAsync(
        RedisServer redis, IReadOnlyList<(int Silo, int Gateway)> ports, string checkpoints, CancellationToken cancellation) =>
        (await Task.WhenAll(ports.Select((p, i) => SiloProcess.StartAsync(
            Directory.CreateDirectory(Path.Combine(data.Path, $"silo-{i}")).FullName, p.Silo, p.Gateway,
            ["--redis", redis.Endpoint, "--cluster-id", ClusterId, "--checkpoints", checkpoints], cancellation)))).ToList();

    private static async Task DisposeAllAsync(IEnumerable<SiloProcess> silos)
    {
        foreach (var silo in silos) await silo.DisposeAsync();
    }
}
