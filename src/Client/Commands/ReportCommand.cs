using OrleansSweep.Client.Report;
using OrleansSweep.Client.Report.Data;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>`report --from-json data.json --out dir`: draws a sweep report's figures and summary.md from saved report data.</summary>
public static class ReportCommand
{
    private static readonly Option<string> FromJson = new("--from-json")
    {
        Description = "Report data saved as JSON (SweepReportData, snake_case), to draw without a cluster.",
    };

    private static readonly Option<string> Out = new("--out")
    {
        Description = "Folder for the PNG figures and summary.md; created when missing.",
        DefaultValueFactory = _ => "report",
    };

    private static readonly Option<bool> Json = CommonOptions.Json();

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("report", "Draw a sweep report: PNG figures mirroring the papers and a markdown summary table.")
        {
            FromJson, Out, Json,
        };
        command.SetAction(parse =>
        {
            var data = Load(parse);
            var written = ReportWriter.Write(data, parse.GetRequiredValue(Out));
            if (parse.GetValue(Json)) JsonOutput.Write(console, new { data.SweepId, Files = written });
            else foreach (var path in written) console.MarkupLineInterpolated($"wrote [green]{path}[/]");
        });
        return command;
    }

    // Each source of report data is one branch here; everything after loading is shared by all of them.
    private static SweepReportData Load(ParseResult parse) =>
        parse.GetValue(FromJson) is { } path
            ? SweepReportJson.Load(path)
            : throw new ArgumentException("report needs its data: give --from-json with a report data file.");
}
