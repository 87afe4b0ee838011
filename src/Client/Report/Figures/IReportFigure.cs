using OrleansSweep.Client.Report.Data;
using ScottPlot;

namespace OrleansSweep.Client.Report.Figures;

/// <summary>One PNG of a sweep report.</summary>
public interface IReportFigure
{
    /// <summary>The PNG's file name in the report folder.</summary>
    string FileName { get; }

    /// <summary>What the figure shows, one line (the figure's title and its caption in summary.md).</summary>
    string Caption { get; }

    /// <summary>The data the figure needs, completing "not drawn: it needs …" in summary.md when it is left out.</summary>
    string Needs { get; }

    /// <summary>The figure drawn from <paramref name="data"/>, or null when the data hold nothing it could draw.</summary>
    Plot? Build(SweepReportData data, RunColors colors);
}
