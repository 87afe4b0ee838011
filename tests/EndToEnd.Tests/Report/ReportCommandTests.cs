using OrleansSweep.Client.Report;
using OrleansSweep.Client.Views;
using OrleansSweep.EndToEnd.Tests.Hosting;

namespace OrleansSweep.EndToEnd.Tests.Report;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Draws_the_report_of_data_saved_in_the_json_form()
    {
        var data = SyntheticSweep.Create();
        var input = folder.PathOf("data.json");
        File.WriteAllText(input, JsonSerializer.Serialize(data, JsonOutput.Options));
        var output = folder.PathOf("out");

        var outcome = await ClientCli.RunAsync("report", "--from-json", input, "--out", output, "--json");

        Assert.Equal(0, outcome.ExitCode);
        var files = outcome.Json().GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Assert.Equal(ReportWriter.Figures.Count + 1, files.Length);
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        // The JSON round trip lost nothing the summary shows.
        Assert.Equal(SummaryMarkdown.Render(data, ReportWriter.Figures, []),
            File.ReadAllText(Path.Combine(output, ReportWriter.SummaryFileName)));
    }

    [Fact]
    public async Task Data_saved_when_a_rank_named_its_tolerance_tau_still_draws()
    {
        var data = SyntheticSweep.Create();
        var current = JsonSerializer.Serialize(data, JsonOutput.Options);
        Assert.Contains("\"tolerance\"", current);
        var input = folder.PathOf("old.json");
        File.WriteAllText(input, current.Replace("\"tolerance\"", "\"tau\""));
        var output = folder.PathOf("out");

        var outcome = await ClientCli.RunAsync("report", "--from-json", input, "--out", output, "--save-json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(SummaryMarkdown.Render(data, ReportWriter.Figures, []),
            File.ReadAllText(Path.Combine(output, ReportWriter.SummaryFileName)));
        // Saved again, it is in the current form.
        Assert.Equal(current, File.ReadAllText(Path.Combine(output, "report-data.json")));
    }

    [Fact]
    public async Task A_missing_file_is_one_sentence_naming_it()
    {
        var missing = folder.PathOf("nowhere.json");

        var outcome = await ClientCli.RunAsync("report", "--from-json", missing);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(missing, outcome.Output);
    }

    [Fact]
    public async Task Without_a_data_source_the_error_names_the_option()
    {
        var outcome = await ClientCli.RunAsync("report", "--out", folder.PathOf("out"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--from-json", outcome.Output);
        Assert.False(Directory.Exists(folder.PathOf("out")));
    }

    [Fact]
    public async Task Without_json_each_written_file_is_printed()
    {
        var input = folder.PathOf("data.json");
        File.WriteAllText(input, JsonSerializer.Serialize(SyntheticSweep.Create(), JsonOutput.Options));
        var output = folder.PathOf("out");

        var outcome = await ClientCli.RunAsync("report", "--from-json", input, "--out", output);

        Assert.Equal(0, outcome.ExitCode);
        var printed = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();
        var expected = ReportWriter.Figures.Select(f => f.FileName).Append(ReportWriter.SummaryFileName)
            .Select(name => $"wrote {Path.Combine(output, name)}");
        Assert.Equal(expected, printed);
    }

    [Theory]
    [InlineData("""{"corpus": "c"}""", "sweep_id")]
    [InlineData("""{"sweep_id": "s", "corpus": "c", "runs": null}""", "runs")]
    [InlineData("""{"sweep_id": "s", "corpus": "c", "optimal_los": 1.5}""", "optimal_los")]
    public async Task Bad_report_data_is_refused_naming_the_field(string json, string field)
    {
        var input = folder.PathOf("bad.json");
        File.WriteAllText(input, json);

        var outcome = await ClientCli.RunAsync("report", "--from-json", input, "--out", folder.PathOf("out"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(field, outcome.Output);
        Assert.Contains(input, outcome.Output);
        Assert.False(Directory.Exists(folder.PathOf("out")));
    }
}
