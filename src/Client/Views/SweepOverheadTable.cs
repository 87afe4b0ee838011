using System.Globalization;
using OrleansSweep.Client.Bench;

namespace OrleansSweep.Client.Views;

/// <summary>The table of <c>bench sweep</c>: wall against ideal, the overhead, and where Orleans spent time meanwhile.</summary>
public static class SweepOverheadTable
{
    public static void Render(IAnsiConsole console, SweepOverheadReport report)
    {
        var table = new Table().AddColumn("measure").AddColumn("value", c => c.RightAligned());
        table.AddRow("runs × max_concurrent", $"{report.Runs} × {report.MaxConcurrent} ({report.Threads} torch thread(s) each)");
        table.AddRow("training loop per run (mean)", Seconds(report.MeanRunTrainingSeconds));
        table.AddRow("wall (launch call → last run finished)", Seconds(report.WallSeconds));
        table.AddRow("ideal (Σ training loops / max_concurrent)", Seconds(report.IdealSeconds));
        table.AddRow("[bold]overhead (wall − ideal) / ideal[/]", $"[bold]{Number(report.Overhead * 100, "N2")} %[/]");
        table.AddRow("overhead slot time per run", Seconds(report.OverheadSecondsPerRun));
        table.AddRow("launch call", Seconds(report.LaunchSeconds));
        foreach (var total in report.Orleans)
            table.AddRow(Markup.Escape(total.Name), $"{total.Count} × {Number(total.Sum / Math.Max(1, total.Count), "N2")} ms = {Seconds(total.Sum / 1e3)}");
        table.AddRow("this process's CPU / (wall × cores)", $"{Number(report.ProcessCpuSeconds, "N1")} s / ({Number(report.WallSeconds, "N1")} s × {report.Cores}) = {Number(report.CpuShare * 100, "N0")} %");
        table.AddRow("silo start (not in wall)", Seconds(report.SiloStartSeconds));
        if (report.Resumes > 0) table.AddRow("[red]resumes (runs restarted)[/]", report.Resumes.ToString(CultureInfo.InvariantCulture));
        table.Caption($"{report.StepsPerRun} steps per run; Orleans times overlap training and each other, so they bound what they add, not sum to it");
        console.Write(table);
    }

    private static string Seconds(double seconds) => Number(seconds, seconds < 10 ? "N3" : "N1") + " s";

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
