using System.Diagnostics;
using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>Silo processes that must refuse to start: a taken port, a mistyped or invalid flag.</summary>
[Collection(SiloCollection.Name)]
public sealed class SiloStartupTests(SiloFixture fixture)
{
    [Fact(Timeout = 90_000)]
    public async Task ASecondSiloOnATakenGatewayPortExits2NamingThePort()
    {
        var (exitCode, stdout, error) = await RunToExitAsync(TestContext.Current.CancellationToken, "--silo-port", $"{FreePort.Next()}", "--gateway-port", $"{fixture.Silo.GatewayPort}");

        // Without the check, Orleans' port-sharing listener would start a second, unrelated cluster on the same port.
        Assert.Equal(2, exitCode);
        Assert.Single(error.Split('\n'));
        Assert.Contains($"port {fixture.Silo.GatewayPort} (--gateway-port)", error);
        Assert.DoesNotContain("   at ", stdout + error);
    }

    [Theory(Timeout = 90_000)]
    [InlineData("--redsi", "127.0.0.1:6379", "unknown option --redsi; the silo takes")]
    [InlineData("--redis", "localhost", "Silo:Redis (--redis) must be host:port")]
    [InlineData("--reminder-period", "00:00:00", "Failover:ReminderPeriod must be between")]
    [InlineData("--missed-probes", "0", "Failover:MissedProbesLimit must be between")]
    public async Task ABadFlagExits2WithOneSentenceNamingIt(string flag, string value, string expected)
    {
        var (exitCode, stdout, error) = await RunToExitAsync(TestContext.Current.CancellationToken, "--silo-port", $"{FreePort.Next()}", "--gateway-port", $"{FreePort.Next()}", flag, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, Assert.Single(error.Split('\n')));
        Assert.DoesNotContain("   at ", stdout + error);
    }

    // The silo with its own data directory and these arguments, run until it exits: exit code, stdout and trimmed stderr.
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(CancellationToken cancellation, params string[] arguments)
    {
        using var data = new TemporaryDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = data.Path,
        };
        foreach (var argument in new[] { SiloProcess.SiloAssembly(), "--data", data.Path }.Concat(arguments)) start.ArgumentList.Add(argument);
        using var silo = Process.Start(start)!;
        var stdout = silo.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = silo.StandardError.ReadToEndAsync(cancellation);
        try
        {
            await silo.WaitForExitAsync(cancellation);
        }
        finally
        {
            if (!silo.HasExited) silo.Kill(entireProcessTree: true);
        }
        return (silo.ExitCode, await stdout, (await stderr).Trim());
    }
}
