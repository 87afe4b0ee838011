using OrleansSweep.Client.Report.Data;
using ScottPlot;
using Color = ScottPlot.Color;

namespace OrleansSweep.Client.Report.Figures;

/// <summary>
/// One colour per run, the same in every figure, graded by size (viridis, small = dark) as the papers grade model sizes.
/// </summary>
public sealed class RunColors
{
    // Viridis ends in a pale yellow that vanishes on white; stop before it.
    private const double Lightest = 0.85;
    private readonly Dictionary<string, Color> byRun = [];

    /// <summary>Grades <paramref name="runs"/> by d_model, then by non-embedding parameters.</summary>
    public RunColors(IReadOnlyList<RunReportData> runs)
    {
        var ordered = runs.OrderBy(r => r.DModel).ThenBy(r => r.NonEmbeddingParameters).ToArray();
        var map = new ScottPlot.Colormaps.Viridis();
        for (var i = 0; i < ordered.Length; i++)
            byRun[ordered[i].RunId] = map.GetColor(ordered.Length == 1 ? 0 : Lightest * i / (ordered.Length - 1));
    }

    /// <summary>The colour of <paramref name="run"/>.</summary>
    public Color For(RunReportData run) => byRun[run.RunId];
}
