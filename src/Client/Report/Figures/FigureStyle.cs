using ScottPlot;

namespace OrleansSweep.Client.Report.Figures;

/// <summary>The look every report figure shares: embedded font, sizes, and a legend beside the data rather than over it.</summary>
public static class FigureStyle
{
    /// <summary>Width of a run's line, pixels.</summary>
    public const float LineWidth = 2;

    /// <summary>A blank figure with its title and axis labels.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        EmbeddedFontResolver.EnsureRegistered();
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>
    /// Sets fonts on everything the figure drew and shows the legend when any item has a name: beside the data, or inside
    /// at <paramref name="inside"/> for a figure that knows which corner its data leave empty.
    /// </summary>
    public static Plot Finish(Plot plot, Alignment? inside = null)
    {
        if (plot.GetPlottables().Any(p => p.LegendItems.Any(item => !string.IsNullOrEmpty(item.LabelText))))
        {
            if (inside is { } corner) plot.ShowLegend(corner);
            else plot.ShowLegend(Edge.Right);
            plot.Legend.FontSize = 13;
        }
        plot.Font.Set(EmbeddedFontResolver.Family);
        plot.Axes.Title.Label.FontSize = 17;
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.FontSize = 14;
            axis.TickLabelStyle.FontSize = 12;
        }
        return plot;
    }
}
