using OrleansSweep.Client.Report.Data;
using ScottPlot;

namespace OrleansSweep.Client.Report.Figures;

/// <summary>
/// Figure (d): anisotropy across depth at the last probe, one line per run (the paper's per-layer plot). Runs of one depth
/// share layer numbers; runs of different depths are put on relative depth ℓ / L so their curves line up.
/// </summary>
public sealed class AnisotropyDepthFigure : IReportFigure
{
    /// <inheritdoc />
    public string FileName => "anisotropy_by_layer.png";

    /// <inheritdoc />
    public string Caption => "Anisotropy across layers at the last probe";

    /// <inheritdoc />
    public string Needs => "anisotropy per layer in some run";

    /// <inheritdoc />
    public Plot? Build(SweepReportData data, RunColors colors)
    {
        var runs = data.Runs.Where(r => r.AnisotropyByLayer.Length > 0).ToArray();
        if (runs.Length == 0) return null;
        var sameDepth = runs.Select(r => r.AnisotropyByLayer.Length).Distinct().Count() == 1;
        var plot = FigureStyle.Create(Caption,
            sameDepth ? "layer (0 = embedding output)" : "relative depth ℓ / L (0 = embedding output)", "mean pairwise cosine");
        foreach (var run in runs)
        {
            var last = Math.Max(1, run.AnisotropyByLayer.Length - 1);
            var depth = Enumerable.Range(0, run.AnisotropyByLayer.Length).Select(l => sameDepth ? l : (double)l / last).ToArray();
            var line = plot.Add.Scatter(depth, run.AnisotropyByLayer, colors.For(run));
            line.LineWidth = FigureStyle.LineWidth;
            line.MarkerSize = 7;
            line.LegendText = run.Label;
        }
        if (sameDepth) plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return FigureStyle.Finish(plot);
    }
}
