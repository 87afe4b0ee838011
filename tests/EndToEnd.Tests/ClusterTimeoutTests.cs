using System.CommandLine;
using OrleansSweep.Client;
using OrleansSweep.Client.Connection;
using Spectre.Console.Testing;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>A call the cluster leaves unanswered is one sentence naming the sweep and what to try, exit 2; Ctrl+C stays an interruption.</summary>
public sealed class ClusterTimeoutTests
{
    [Fact]
    public async Task AnUnansweredCallIsOneSentenceNamingTheSweepAndExits2()
    {
        var console = new TestConsole().Width(1000);
        var command = new Command("status");
        command.SetAction(async (_, cancellation) =>
            await ClusterTimeoutException.WhenUnansweredAsync<int>(() => throw new TimeoutException("Response did not arrive on time in 00:00:30"),
                () => ClusterTimeoutException.About("big", TimeSpan.FromSeconds(30)), cancellation));

        var exit = await CommandRunner.InvokeAsync(new RootCommand { command }, ["status"], console, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Equal("error: the cluster did not answer about sweep 'big' within 30 s; check the silo is up (`status big` again) or raise --timeout.",
            Assert.Single(console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
    }

    [Fact]
    public async Task AWaitCancelledByItsOwnerIsNotATimeout()
    {
        using var interrupted = new CancellationTokenSource();
        await interrupted.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ClusterTimeoutException.WhenUnansweredAsync<int>(
            () => throw new OperationCanceledException(interrupted.Token), () => ClusterTimeoutException.About("big", TimeSpan.FromSeconds(30)), interrupted.Token));
        await Assert.ThrowsAsync<ClusterTimeoutException>(() => ClusterTimeoutException.WhenUnansweredAsync<int>(
            () => throw new TaskCanceledException(), () => ClusterTimeoutException.About("big", TimeSpan.FromSeconds(30)), CancellationToken.None));
    }
}
