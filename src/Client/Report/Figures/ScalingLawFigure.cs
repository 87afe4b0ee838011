using System.Globalization;
using OrleansSweep.Client.Report.Data;
using ScottPlot;

namespace OrleansSweep.Client.Report.Figures;

/// <summary>
/// Figure (f): final (and best) loss against non-embedding parameters N (log scale), each point named by its run, with the
/// fitted L(N) = E + A / N^α across the plotted range; runs left out of the fit are drawn as open squares.
/// </summary>
public sealed class ScalingLawFigure : IReportFigure
{
    private const int CurvePoints = 200;

    /// <inheritdoc />
    public string FileName => "scaling_law.png";

    /// <inheritdoc />
    public string Caption => "Final loss against model size";

    /// <inheritdoc />
    public string Needs => "a run with a final loss and its non-embedding parameter count";

    /// <inheritdoc />
    public Plot? Build(SweepReportData data, RunColors colors)
    {
        var runs = data.Runs.Where(r => r is { NonEmbeddingParameters: > 0, FinalLoss: not null }).ToArray();
        if (runs.Length == 0) return null;
        var plot = FigureStyle.Create(Caption, "non-embedding parameters N", "loss (nats/token)");
        var logN = runs.Select(r => Math.Log10(r.NonEmbeddingParameters)).ToArray();
        if (data.Fit is { } fit) AddFitCurve(plot, fit, logN.Min(), logN.Max());
        var fitted = data.Fit?.FittedRunIds.ToHashSet() ?? [];
        AddPoints(plot, runs.Where(r => fitted.Contains(r.RunId)), MarkerShape.FilledCircle, "final loss (fitted)");
        AddPoints(plot, runs.Where(r => !fitted.Contains(r.RunId)), MarkerShape.OpenSquare,
            data.Fit is null ? "final loss" : "final loss (not fitted)");
        var best = runs.Where(r => r.BestLoss is not null).ToArray();
        if (best.Length > 0)
        {
            var markers = plot.Add.Markers(best.Select(r => Math.Log10(r.NonEmbeddingParameters)).ToArray(),
                best.Select(r => r.BestLoss!.Value).ToArray(), MarkerShape.OpenCircle, 9, Colors.Gray);
            markers.LegendText = "best loss";
        }
        foreach (var run in runs)
        {
            var label = plot.Add.Text(run.Label, Math.Log10(run.NonEmbeddingParameters), run.FinalLoss!.Value);
            label.LabelFontSize = 12;
            label.LabelFontColor = colors.For(run);
            label.LabelAlignment = Alignment.LowerLeft;
            label.OffsetX = 6;
            label.OffsetY = -4;
        }
        if (data.OptimalLoss is { } optimum)
        {
            var floor = plot.Add.HorizontalLine(optimum, 1.5f, Colors.Black, LinePattern.Dashed);
            floor.LegendText = $"optimal loss {optimum.ToString("F3", CultureInfo.InvariantCulture)}";
        }
        LogAxis.Apply(plot.Axes.Bottom, logN);
        // Room on the right for the largest run's name; loss falls with N, so the upper right is free for the legend. A sweep
        // of one size or a few close ones still gets most of a decade, enough for several labelled ticks.
        var span = Math.Max(2, logN.Max() - logN.Min());
        plot.Axes.SetLimitsX(logN.Min() - 0.1 * span, logN.Max() + 0.2 * span);
        return FigureStyle.Finish(plot, Alignment.UpperRight);
    }

    private static void AddPoints(Plot plot, IEnumerable<RunReportData> runs, MarkerShape shape, string legend)
    {
        var points = runs.ToArray();
        if (points.Length == 0) return;
        var markers = plot.Add.Markers(points.Select(r => Math.Log10(r.NonEmbeddingParameters)).ToArray(),
            points.Select(r => r.FinalLoss!.Value).ToArray(), shape, 10, Colors.Black);
        markers.LegendText = legend;
    }

    // The curve reaches a little past the plotted sizes on both sides so a lone extreme run still sits on a visible line.
    private static void AddFitCurve(Plot plot, ScalingFitReportData fit, double logMin, double logMax)
    {
        var margin = 0.1 * Math.Max(1, logMax - logMin);
        var logN = Enumerable.Range(0, CurvePoints)
            .Select(i => logMin - margin + (logMax - logMin + 2 * margin) * i / (CurvePoints - 1)).ToArray();
        var curve = plot.Add.ScatterLine(logN, logN.Select(x => fit.Predict(Math.Pow(10, x))).ToArray(), Colors.Red);
        curve.LineWidth = FigureStyle.LineWidth;
        curve.LegendText = string.Create(CultureInfo.InvariantCulture,
            $"fit E + A/N^α: E={fit.E:F3}, A={fit.A:G3}, α={fit.Alpha:F3}");
    }
}
