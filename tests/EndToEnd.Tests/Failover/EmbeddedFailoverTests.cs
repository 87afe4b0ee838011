using System.Globalization;
using OrleansSweep.Abstractions;
using OrleansSweep.Client.Connection;
using OrleansSweep.Compute.Training;
using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests.Failover;

/// <summary>
/// The embedded default's one real silo process, killed with SIGKILL mid-sweep and started again on the same data: its
/// LiteDB reminders resume every run with no client action, and a run whose newest checkpoint was corrupted meanwhile
/// resumes from the one before.
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class EmbeddedFailoverTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private readonly TemporaryDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact(Timeout = 360_000)]
    public async Task KilledSiloStartedAgainResumesEveryRunByItselfPassingOverACorruptCheckpoint()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var (siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next());
        var gateway = $"127.0.0.1:{gatewayPort}";
        var checkpoints = Path.Combine(data.Path, "checkpoints");
        var silo = await SiloProcess.StartAsync(data.Path, siloPort, gatewayPort, [], cancellation);
        try
        {
            var specPath = data.Write("embedded.yaml", SpecYaml.Of(FailoverSweep.Spec("embedded", FailoverSweep.HeadSpectrumProbes)));
            var launched = await ClientCli.RunAsync(cancellation, "launch", specPath, "--gateway", gateway, "--json");
            Assert.True(launched.ExitCode == 0, launched.ToString());
            SweepStatus reported;
            await using (var connection = await ClusterConnection.ConnectAsync(new ClusterTarget(gateway), cancellation))
                reported = await FailoverSweep.UntilAsync(connection, "embedded",
                    s => s.Runs.Count(r => r.State == RunState.Running && r.Step >= 3 * FailoverSweep.EvalEvery) >= 2, Patience, cancellation);

            await silo.KillAsync();
            var newest = FailoverSweep.NewestCheckpoints(checkpoints);
            // A torn write or a bad disk: one run's checkpoints no longer match their SHA-256, from the one its state was last
            // seen vouching for (a run reports after storing its state) to the newest. By the kill the state may vouch for a
            // newer one, and files newer than the state are never loaded; so whichever one the state names now is corrupt.
            var corruptRun = newest.MaxBy(c => c.Value).Key;
            var stored = CheckpointFile.InDirectory(Path.Combine(checkpoints, corruptRun));
            var vouched = reported.Runs.Single(r => r.Spec.RunId == corruptRun).CheckpointPath;
            var vouchedStep = vouched is null ? 0 : int.Parse(Path.GetFileNameWithoutExtension(vouched)["step-".Length..], CultureInfo.InvariantCulture);
            var damaged = stored.Where(c => c.Step >= vouchedStep).ToList();
            Assert.NotEmpty(damaged);
            foreach (var (_, path) in damaged)
            {
                var bytes = await File.ReadAllBytesAsync(path, cancellation);
                bytes[bytes.Length / 2] ^= 0xFF;
                await File.WriteAllBytesAsync(path, bytes, cancellation);
            }
            await silo.DisposeAsync();

            silo = await SiloProcess.StartAsync(data.Path, siloPort, gatewayPort, [], cancellation);
            await FailoverSweep.UntilNewCheckpointAsync(checkpoints, newest, Patience, cancellation);

            await using var after = await ClusterConnection.ConnectAsync(new ClusterTarget(gateway), cancellation);
            var done = await FailoverSweep.UntilAsync(after, "embedded", s => s.IsFinished, Patience, cancellation);
            await FailoverSweep.AssertCompleteAndExactAsync(after, done, checkpoints);
            var corrupted = done.Runs.Single(r => r.Spec.RunId == corruptRun);
            var resume = Assert.Single(corrupted.Resumes);
            Assert.InRange(resume.FromStep, 0, damaged[0].Step - 1);
            Assert.Contains(silo.Output.Split(Environment.NewLine),
                line => damaged.Any(c => line.Contains(Path.GetFileName(c.Path))) && line.Contains("not loaded"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}{Environment.NewLine}{silo.Output}", e);
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }
}
