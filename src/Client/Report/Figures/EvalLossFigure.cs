using System.Globalization;
using OrleansSweep.Client.Report.Data;
using ScottPlot;

namespace OrleansSweep.Client.Report.Figures;

/// <summary>
/// Figure (a), the papers' saturation plot: held-out loss against step (log scale) per run, a band of ±1 standard error,
/// a ring on each saturated run's best checkpoint, and the corpus's optimal loss as a dashed line when known.
/// </summary>
public sealed class EvalLossFigure : IReportFigure
{
    /// <inheritdoc />
    public string FileName => "eval_loss.png";

    /// <inheritdoc />
    public string Caption => "Held-out loss during training";

    /// <inheritdoc />
    public string Needs => "eval loss at a step above 0 in some run";

    /// <inheritdoc />
    public Plot? Build(SweepReportData data, RunColors colors)
    {
        var lines = data.Runs
            .Select(run => (Run: run, Points: PositiveSteps.Of(run.EvalLoss.Steps, run.EvalLoss.Values)))
            .Where(line => line.Points.Values.Length > 0)
            .ToArray();
        if (lines.Length == 0) return null;
        var plot = FigureStyle.Create(Caption, "training step", "eval loss (nats/token)");
        foreach (var (run, points) in lines)
        {
            var color = colors.For(run);
            if (run.EvalLoss.StandardErrors.Length == run.EvalLoss.Values.Length)
            {
                var errors = points.Indices.Select(i => run.EvalLoss.StandardErrors[i]).ToArray();
                var band = plot.Add.FillY(points.LogSteps,
                    points.Values.Zip(errors, (v, e) => v - e).ToArray(), points.Values.Zip(errors, (v, e) => v + e).ToArray());
                band.FillColor = color.WithAlpha(0.25);
                band.LineWidth = 0;
            }
            var line = plot.Add.ScatterLine(points.LogSteps, points.Values, color);
            line.LineWidth = FigureStyle.LineWidth;
            line.LegendText = run.Label;
        }
        AddSaturationRings(plot, lines.Select(l => l.Run));
        if (data.OptimalLoss is { } optimum)
        {
            var floor = plot.Add.HorizontalLine(optimum, 1.5f, Colors.Black, LinePattern.Dashed);
            floor.LegendText = $"optimal loss {optimum.ToString("F3", CultureInfo.InvariantCulture)}";
        }
        LogAxis.Apply(plot.Axes.Bottom, lines.SelectMany(l => l.Points.LogSteps).ToArray());
        return FigureStyle.Finish(plot);
    }

    // Saturation is read at the best checkpoint (SCIENCE.md §6): ring it so the late rise after it stands out.
    private static void AddSaturationRings(Plot plot, IEnumerable<RunReportData> runs)
    {
        var rings = runs.Where(r => r is { Saturated: true, SaturationStep: > 0, BestLoss: not null }).ToArray();
        if (rings.Length == 0) return;
        var markers = plot.Add.Markers(
            rings.Select(r => Math.Log10(r.SaturationStep!.Value)).ToArray(), rings.Select(r => r.BestLoss!.Value).ToArray(),
            MarkerShape.OpenCircle, 12, Colors.Black);
        markers.MarkerLineWidth = 2;
        markers.LegendText = "saturation (best step)";
    }
}
