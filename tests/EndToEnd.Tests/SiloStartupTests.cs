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

    [Fact(Timeout = 90_000)]
    public async Task AMistypedFlagExits2NamingIt()
    {
        using var data = new TempDirectory();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { SiloProcess.SiloAssembly(), "--data", data.Path, "--redsi", "127.0.0.1:6379" })
            start.ArgumentList.Add(argument);
        using var silo = Process.Start(start)!;
        var stderr = silo.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await silo.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, silo.ExitCode);
        var error = Assert.Single((await stderr).Trim().Split('\n'));
        Assert.Contains("--redsi", error);
        Assert.Contains("--redis", error);
    }
}
