using OrleansSweep.Client.Report.Data;
using OrleansSweep.Client.Report.Figures;
using ScottPlot;

namespace OrleansSweep.Client.Report;

/// <summary>Writes a sweep report: a PNG per figure the data can fill, and summary.md tabulating the runs and linking them.</summary>
public static class ReportWriter
{
    /// <summary>Figure width in pixels unless asked otherwise.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Figure height in pixels unless asked otherwise.</summary>
    public const int DefaultHeight = 500;

    /// <summary>The summary's file name.</summary>
    public const string SummaryFileName = "summary.md";

    /// <summary>Every figure the report can draw, in the order summary.md lists them.</summary>
    public static readonly IReadOnlyList<IReportFigure> Figures =
    [
        new EvalLossFigure(),
        StepSeriesFigure.SingularEntropy,
        StepSeriesFigure.FinalLayerAnisotropy,
        new AnisotropyDepthFigure(),
        new WErrorFigure(),
        new ScalingLawFigure(),
        StepSeriesFigure.GradientKept,
    ];

    /// <summary>
    /// Writes the report of <paramref name="data"/> into <paramref name="outDir"/> (created when missing) and returns the paths
    /// written, figures first. Figures with nothing to draw are left out (an older copy of them removed) and summary.md says why.
    /// </summary>
    public static IReadOnlyList<string> Write(SweepReportData data, string outDir, int width = DefaultWidth, int height = DefaultHeight)
    {
        ReportDataValidator.Validate(data);
        if (width < 200 || height < 150) throw new ArgumentException($"figures need at least 200×150 pixels; {width}×{height} was asked.");
        Directory.CreateDirectory(outDir);
        var colors = new RunColors(data.Runs);
        var drawn = new List<IReportFigure>();
        var skipped = new List<IReportFigure>();
        var written = new List<string>();
        foreach (var figure in Figures)
        {
            var path = Path.Combine(outDir, figure.FileName);
            if (figure.Build(data, colors) is not { } plot)
            {
                File.Delete(path);
                skipped.Add(figure);
                continue;
            }
            ReportFile.Write(path, plot.GetImageBytes(width, height, ImageFormat.Png));
            drawn.Add(figure);
            written.Add(path);
        }
        var summary = Path.Combine(outDir, SummaryFileName);
        ReportFile.Write(summary, System.Text.Encoding.UTF8.GetBytes(SummaryMarkdown.Render(data, drawn, skipped)));
        written.Add(summary);
        return written;
    }
}
