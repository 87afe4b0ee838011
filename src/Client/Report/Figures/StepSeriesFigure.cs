using OrleansSweep.Client.Report.Data;
using ScottPlot;

namespace OrleansSweep.Client.Report.Figures;

/// <summary>A probe against training step (log scale), one line per run: singular entropy, anisotropy, gradient kept.</summary>
public sealed class StepSeriesFigure(
    string fileName, string caption, string yLabel, string needs, Func<RunReportData, StepSeries> series,
    (double Value, string Label)? reference = null)
    : IReportFigure
{
    /// <summary>Figure (b): the head's singular entropy, the paper's Fig. 5 signal of spectrum collapse.</summary>
    public static readonly StepSeriesFigure SingularEntropy = new(
        "singular_entropy.png", "Singular entropy of the LM head", "singular entropy KL(p‖U) (nats)",
        "the head's singular entropy at a step above 0 in some run", r => r.SingularEntropy);

    /// <summary>Figure (c): anisotropy of the head's input, after the final LayerNorm.</summary>
    public static readonly StepSeriesFigure FinalLayerAnisotropy = new(
        "final_anisotropy.png", "Anisotropy of the final layer", "mean pairwise cosine",
        "final-layer anisotropy at a step above 0 in some run", r => r.FinalLayerAnisotropy,
        (0.9, "0.9 (anisotropy flag)"));

    /// <summary>Figure (g): the share of the logit gradient's norm the head passes back (paper 2's gradient bottleneck).</summary>
    public static readonly StepSeriesFigure GradientKept = new(
        "gradient_kept.png", "Logit gradient kept by the LM head", "kept ‖QQᵀg‖ / ‖g‖",
        "the gradient kept at a step above 0 in some run", r => r.GradientKept);

    /// <inheritdoc />
    public string FileName => fileName;

    /// <inheritdoc />
    public string Caption => caption;

    /// <inheritdoc />
    public string Needs => needs;

    /// <inheritdoc />
    public Plot? Build(SweepReportData data, RunColors colors)
    {
        var lines = data.Runs
            .Select(run => (Run: run, Points: PositiveSteps.Of(series(run).Steps, series(run).Values)))
            .Where(line => line.Points.Values.Length > 0)
            .ToArray();
        if (lines.Length == 0) return null;
        var plot = FigureStyle.Create(caption, "training step", yLabel);
        foreach (var (run, points) in lines)
        {
            var scatter = plot.Add.ScatterLine(points.LogSteps, points.Values, colors.For(run));
            scatter.LineWidth = FigureStyle.LineWidth;
            scatter.LegendText = run.Label;
        }
        if (reference is var (value, label))
        {
            var line = plot.Add.HorizontalLine(value, 1.5f, Colors.Red, LinePattern.Dotted);
            line.LegendText = label;
        }
        LogAxis.Apply(plot.Axes.Bottom, lines.SelectMany(l => l.Points.LogSteps).ToArray());
        return FigureStyle.Finish(plot);
    }
}
