using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests;

public sealed class InterruptTests
{
    [Fact]
    public async Task AnInterruptedDemoPrintsOneLineAndExits130()
    {
        using var data = new TemporaryDirectory();
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();

        var outcome = await ClientCli.RunAsync(interrupt.Token, "demo", "--quick", "--data", data.Path);

        Assert.Equal(130, outcome.ExitCode);
        Assert.StartsWith("interrupted:", outcome.Output.Trim());
        Assert.Single(outcome.Output.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", outcome.Output + outcome.Stray);
    }
}
