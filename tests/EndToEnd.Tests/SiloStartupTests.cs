using System.Diagnostics;
using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>A second silo process started on the running silo's gateway port.</summary>
[Collection(SiloCollection.Name)]
public sealed class SiloStartupTests(SiloFixture fixture)
{
    [Fact(Timeout = 90_000)]
    public async Task ASecondSiloOnATakenGatewayPortExits2NamingThePort()
    {
        using var data = new TempDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = data.Path,
        };
        foreach (var argument in new[]
        {
            SiloProcess.SiloAssembly(), "--data", data.Path, "--silo-port", $"{FreePort.Next()}",
            "--gateway-port", $"{fixture.Silo.GatewayPort}",
        })
            start.ArgumentList.Add(argument);
        using var second = Process.Start(start)!;
        var stdout = second.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = second.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            await second.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            if (!second.HasExited) second.Kill(entireProcessTree: true);
        }

        // Without the check, Orleans' port-sharing listener would start a second, unrelated cluster on the same port.
        Assert.Equal(2, second.ExitCode);
        var error = (await stderr).Trim();
        Assert.Single(error.Split('\n'));
        Assert.Contains($"port {fixture.Silo.GatewayPort} (--gateway-port)", error);
        Assert.DoesNotContain("   at ", await stdout + error);
    }

    [Theory(Timeout = 90_000)]
    [InlineData("--redsi", "127.0.0.1:6379", "unknown option --redsi; the silo takes")]
    [InlineData("--redis", "localhost", "Silo:Redis (--redis) must be host:port")]
    [InlineData("--reminder-period", "00:00:00", "Failover:ReminderPeriod must be between")]
    [InlineData("--missed-probes", "0", "Failover:MissedProbesLimit must be between")]
    public async Task ABadFlagExits2WithOneSentenceNamingIt(string flag, string value, string expected)
    {
        using var data = new TempDirectory();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            SiloProcess.SiloAssembly(), "--data", data.Path, "--silo-port", $"{FreePort.Next()}", "--gateway-port", $"{FreePort.Next()}", flag, value,
        })
            start.ArgumentList.Add(argument);
        using var silo = Process.Start(start)!;
        var stdout = silo.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = silo.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            await silo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            if (!silo.HasExited) silo.Kill(entireProcessTree: true);
        }

        Assert.Equal(2, silo.ExitCode);
        var error = Assert.Single((await stderr).Trim().Split('\n'));
        Assert.Contains(expected, error);
        Assert.DoesNotContain("   at ", await stdout + error);
    }
}
