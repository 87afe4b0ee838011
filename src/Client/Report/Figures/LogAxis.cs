using ScottPlot;
using ScottPlot.TickGenerators;

namespace OrleansSweep.Client.Report.Figures;

/// <summary>
/// ScottPlot 5 has no logarithmic axis: a figure plots log10 of its data and this labels the axis with the original numbers,
/// a major tick per decade (also at 2 and 5 times a decade when the data span under two decades, and at every multiple when
/// they span under half of one, so a narrow axis still carries several numbers), minor ticks between.
/// </summary>
public static class LogAxis
{
    /// <summary>log10 of each value; callers drop values ≤ 0 first.</summary>
    public static double[] Log10(IEnumerable<double> values) => values.Select(Math.Log10).ToArray();

    /// <summary>Ticks for data whose log10 spans [<paramref name="logMin"/>, <paramref name="logMax"/>].</summary>
    public static Tick[] Ticks(double logMin, double logMax)
    {
        var low = (int)Math.Floor(logMin) - 1;
        var high = (int)Math.Ceiling(logMax) + 1;
        var span = logMax - logMin;
        int[] labelled = span < 0.5 ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : span < 2 ? [1, 2, 5] : [1];
        var ticks = new List<Tick>();
        for (var decade = low; decade <= high; decade++)
        {
            for (var multiple = 1; multiple <= 9; multiple++)
            {
                var value = multiple * Math.Pow(10, decade);
                if (labelled.Contains(multiple)) ticks.Add(Tick.Major(Math.Log10(value), CompactNumber.Format(value)));
                else ticks.Add(Tick.Minor(Math.Log10(value)));
            }
        }
        return ticks.ToArray();
    }

    /// <summary>Makes <paramref name="axis"/> read as a log axis for the plotted values <paramref name="logValues"/> (log10 of the data).</summary>
    public static void Apply(IAxis axis, IReadOnlyCollection<double> logValues) =>
        axis.TickGenerator = new NumericManual(Ticks(logValues.Min(), logValues.Max()));
}
