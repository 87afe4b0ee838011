using OrleansSweep.Client.Connection;
using OrleansSweep.Client.Report;
using OrleansSweep.Client.Report.Data;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>
/// `report &lt;sweep&gt; --out dir`: draws a sweep's figures and summary.md from the cluster; `report --from-json data.json` from
/// saved report data (`report &lt;sweep&gt; --save-json` writes it).
/// </summary>
public static class ReportCommand
{
    private static readonly Argument<string?> Sweep = new("sweep")
    {
        Description = "The sweep id (its spec's name), read from the cluster at --gateway.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly ClusterTargetOptions Cluster = new();

    private static readonly Option<bool> SaveJson = new("--save-json")
    {
        Description = "Also write the report data to <out>/report-data.json, to redraw later with --from-json.",
    };

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
            Sweep, FromJson, Out, SaveJson, Json,
        };
        Cluster.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var data = await LoadAsync(parse, cancellation);
            var written = ReportWriter.Write(data, parse.GetRequiredValue(Out)).ToList();
            if (parse.GetValue(SaveJson)) written.Add(SweepReportJson.Save(data, Path.Combine(parse.GetRequiredValue(Out), "report-data.json")));
            if (parse.GetValue(Json)) JsonOutput.Write(console, new { data.SweepId, Files = written });
            else foreach (var path in written) console.MarkupLineInterpolated($"wrote [green]{path}[/]");
        });
        return command;
    }

    // Each source of report data is one branch here; everything after loading is shared by all of them.
    private static async Task<SweepReportData> LoadAsync(ParseResult parse, CancellationToken cancellation)
    {
        switch (parse.GetValue(Sweep), parse.GetValue(FromJson))
        {
            case ({ } sweep, null):
                await using (var connection = await ClusterConnection.ConnectAsync(Cluster.Read(parse), cancellation))
                    return await ClusterTimeoutException.WhenUnansweredAsync(() => ClusterReportData.FetchAsync(connection.Client, sweep),
                        () => ClusterTimeoutException.About(sweep, connection.Timeout), cancellation);
            case (null, { } path):
                return SweepReportJson.Load(path);
            default:
                throw new ArgumentException("report needs its data: give a sweep id, or --from-json with a report data file, not both.");
        }
    }
}
