using OrleansSweep.Compute.Corpora;
using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>`ngram-rank`, run in this process on token files the tests write.</summary>
public sealed class NgramRankCommandTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task TheJsonOfASampledLowRankLanguageReportsRankRAndLargerPlainRanks()
    {
        // R = 8, β = 2, seed 2: a language whose weakest direction stands clear of the noise in 500k tokens.
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(64, 8, Beta: 2.0, Seed: 2));
        var file = WriteTokens("low-rank.txt", language.Sample(500_000, seed: 3));

        var outcome = await ClientCli.RunAsync(TestContext.Current.CancellationToken, "ngram-rank", "--tokens", file, "--order", "2", "--json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var json = outcome.Json();
        Assert.Equal(8, json.GetProperty("noise_aware_rank").GetInt32());
        Assert.Equal("exact", json.GetProperty("route").GetString());
        Assert.Equal(500_000, json.GetProperty("tokens").GetInt64());
        var ranks = json.GetProperty("ranks").EnumerateArray()
            .ToDictionary(r => r.GetProperty("tolerance").GetDouble(), r => r.GetProperty("rank").GetInt32());
        Assert.Equal([0.5, 0.2, 0.1, 0.01], ranks.Keys);
        Assert.True(ranks[0.01] > 16, $"rank at τ = 0.01 was {ranks[0.01]}");
        Assert.True(ranks.Values.Zip(ranks.Values.Skip(1)).All(p => p.First <= p.Second));
    }

    [Fact(Timeout = 60_000)]
    public async Task TheTableNamesEveryQuantity()
    {
        var file = WriteTokens("hand.txt", [0, 1, 2, 0, 1, 3, 0, 1, 2, 4, 0, 1]);

        var outcome = await ClientCli.RunAsync(TestContext.Current.CancellationToken, "ngram-rank", "--tokens", file, "--order", "3", "--min-count", "1");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        foreach (var label in new[] { "contexts C", "effective vocabulary V_eff", "non-zeros", "route", "rank at W-error ≤ 0.01", "noise-aware rank", "W-error(1)" })
            Assert.Contains(label, outcome.Output);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("1 2 3\n4 x 6\n", "2", "'x' at position 4")]
    [InlineData("1 2 3 4\n", "1", "--order must be at least 2")]
    [InlineData("1 -2 3 4\n", "2", "'-2' at position 1")]
    public async Task BadInputExits2WithOneSentenceNamingTheProblem(string content, string order, string expected)
    {
        var file = Path.Combine(folder.Path, "bad.txt");
        await File.WriteAllTextAsync(file, content, TestContext.Current.CancellationToken);

        var outcome = await ClientCli.RunAsync(TestContext.Current.CancellationToken, "ngram-rank", "--tokens", file, "--order", order);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, outcome.Output);
        Assert.Single(outcome.Output.Trim().Split('\n'));
    }

    [Fact(Timeout = 60_000)]
    public async Task AMissingFileOrNoSourceIsNamed()
    {
        var missing = Path.Combine(folder.Path, "absent.txt");
        var cancellation = TestContext.Current.CancellationToken;

        var noFile = await ClientCli.RunAsync(cancellation, "ngram-rank", "--tokens", missing, "--order", "2");
        var noSource = await ClientCli.RunAsync(cancellation, "ngram-rank", "--order", "2");
        var noCorpus = await ClientCli.RunAsync(cancellation, "ngram-rank", "--corpus", missing, "--order", "2");

        Assert.Equal((2, 2, 2), (noFile.ExitCode, noSource.ExitCode, noCorpus.ExitCode));
        Assert.Contains($"token file {missing} does not exist", noFile.Output);
        Assert.Contains("exactly one of --tokens <file> or --corpus <path or name>", noSource.Output);
        Assert.Contains($"--corpus: '{missing}' does not exist", noCorpus.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task ACorpusNameThatWasNotFetchedSaysHowToFetchIt()
    {
        var outcome = await ClientCli.RunAsync(TestContext.Current.CancellationToken,
            "ngram-rank", "--corpus", "brown", "--data", folder.Path, "--order", "2");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("corpus.name 'brown' is not fetched", outcome.Output);
        Assert.Contains($"data fetch brown --data {folder.Path}", outcome.Output);
    }

    private string WriteTokens(string name, int[] tokens)
    {
        var file = Path.Combine(folder.Path, name);
        // Several lines of several words: the reader must take both separators.
        File.WriteAllLines(file, tokens.Chunk(20).Select(line => string.Join(' ', line)));
        return file;
    }
}
