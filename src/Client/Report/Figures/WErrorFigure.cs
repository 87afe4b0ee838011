using OrleansSweep.Client.Report.Data;
using ScottPlot;
using Color = ScottPlot.Color;

namespace OrleansSweep.Client.Report.Figures;

/// <summary>
/// Figure (e): W-error(r) of each run's head and of the n-gram matrix against rank r (log scale), with the paper's 0.6 line
/// beyond which a rank-r head loses performance.
/// </summary>
public sealed class WErrorFigure : IReportFigure
{
    /// <summary>The paper's threshold: heads degrade once W-error exceeds it (SCIENCE.md §3).</summary>
    public const double Threshold = 0.6;

    /// <inheritdoc />
    public string FileName => "w_error.png";

    /// <inheritdoc />
    public string Caption => "W-error of the best rank-r approximation";

    /// <inheritdoc />
    public string Needs => "a head's W-error curve in some run, or the n-gram estimate's";

    /// <inheritdoc />
    public Plot? Build(SweepReportData data, RunColors colors)
    {
        var heads = data.Runs.Where(r => r.HeadWError.Length > 1).ToArray();
        var ngram = data.Ngram is { WErrorCurve.Length: > 1 } n ? n : null;
        if (heads.Length == 0 && ngram is null) return null;
        var plot = FigureStyle.Create(Caption, "rank r", "W-error(r), relative Frobenius error");
        var ranks = new List<double>();
        foreach (var run in heads)
        {
            var line = AddCurve(plot, run.HeadWError, colors.For(run), ranks);
            line.LegendText = $"{run.Label} head";
        }
        if (ngram is not null)
        {
            var line = AddCurve(plot, ngram.WErrorCurve, Colors.Black, ranks);
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"{ngram.Order}-gram matrix";
        }
        var threshold = plot.Add.HorizontalLine(Threshold, 1.5f, Colors.Red, LinePattern.Dotted);
        threshold.LegendText = $"{Threshold} (paper's threshold)";
        LogAxis.Apply(plot.Axes.Bottom, ranks);
        plot.Axes.SetLimitsY(-0.03, 1.03);
        return FigureStyle.Finish(plot);
    }

    // r = 0 (error 1 by definition) has no logarithm; the curve starts at r = 1.
    private static ScottPlot.Plottables.Scatter AddCurve(Plot plot, double[] curve, Color color, List<double> ranks)
    {
        var logRanks = Enumerable.Range(1, curve.Length - 1).Select(r => Math.Log10(r)).ToArray();
        ranks.AddRange(logRanks);
        var line = plot.Add.ScatterLine(logRanks, curve[1..], color);
        line.LineWidth = FigureStyle.LineWidth;
        return line;
    }
}
