using System.Globalization;

namespace OrleansSweep.Client.Report.Figures;

/// <summary>Short tick labels for log axes: 500, 2k, 10k, 1.5M, 1B.</summary>
public static class CompactNumber
{
    private static readonly (double Scale, string Suffix)[] Scales = [(1e9, "B"), (1e6, "M"), (1e3, "k")];

    /// <summary><paramref name="value"/> with at most three significant digits and a k/M/B suffix from a thousand up.</summary>
    public static string Format(double value)
    {
        foreach (var (scale, suffix) in Scales)
            if (Math.Abs(value) >= scale) return Significant(value / scale) + suffix;
        return Significant(value);
    }

    private static string Significant(double value) =>
        double.Parse(value.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            .ToString("0.###", CultureInfo.InvariantCulture);
}
