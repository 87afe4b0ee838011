using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>Every command refuses a bad option value the same way: one sentence naming the option, exit 2, before any work.</summary>
public sealed class OptionCheckTests
{
    [Theory(Timeout = 60_000)]
    [InlineData("--threads", "bench", "train", "--threads", "0")]
    [InlineData("--steps", "bench", "train", "--steps", "0")]
    [InlineData("--device", "bench", "train", "--device", "tpu")]
    [InlineData("--runs", "bench", "sweep", "--runs", "0")]
    [InlineData("--threads", "demo", "--threads", "-1")]
    [InlineData("--positions", "probe", "x.ckpt", "--positions", "1")]
    [InlineData("--order", "ngram-rank", "--tokens", "x.txt")]
    [InlineData("--order", "ngram-rank", "--tokens", "x.txt", "--order", "two")]
    [InlineData("--min-count", "ngram-rank", "--tokens", "x.txt", "--order", "2", "--min-count", "0")]
    [InlineData("--top-k", "ngram-rank", "--tokens", "x.txt", "--order", "2", "--top-k", "0")]
    [InlineData("--steps", "experiment", "head-rank", "--checkpoint", "x.ckpt", "--spec", "x.yaml", "--ranks", "2", "--steps", "0")]
    [InlineData("--ranks", "experiment", "head-rank", "--checkpoint", "x.ckpt", "--spec", "x.yaml", "--ranks", "2,two")]
    [InlineData("max-concurrent's n", "max-concurrent", "some-sweep", "0")]
    [InlineData("--page", "status", "some-sweep", "--page", "0")]
    [InlineData("--page-size", "status", "some-sweep", "--page-size", "1001")]
    [InlineData("--state", "status", "some-sweep", "--state", "finished")]
    [InlineData("--timeout", "status", "some-sweep", "--timeout", "0")]
    [InlineData("--top", "results", "some-sweep", "--top", "-1")]
    [InlineData("--top", "results", "some-sweep", "--top", "1001")]
    [InlineData("--group-page", "results", "some-sweep", "--group-page", "0")]
    [InlineData("--group-page-size", "results", "some-sweep", "--group-page-size", "0")]
    [InlineData("--state", "retry", "some-sweep", "--state", "failed,finished")]
    public async Task ABadValueIsOneSentenceNamingTheOptionAndExits2(string named, params string[] args)
    {
        var outcome = await ClientCli.RunAsync(TestContext.Current.CancellationToken, args);

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(named, line);
        Assert.Empty(outcome.Stray);
    }
}
