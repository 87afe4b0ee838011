namespace OrleansSweep.Client.Report.Figures;

/// <summary>
/// The points of a step series that a log-step axis can place: step 0 (the untrained model's probe) has no logarithm,
/// so it is left out of the figures (the summary still reads the last value).
/// </summary>
public static class PositiveSteps
{
    /// <summary>log10 of each positive step with its value; indices kept aligned for a third array such as standard errors.</summary>
    public static (double[] LogSteps, double[] Values, int[] Indices) Of(int[] steps, double[] values)
    {
        var indices = Enumerable.Range(0, Math.Min(steps.Length, values.Length))
            .Where(i => steps[i] > 0 && double.IsFinite(values[i])).ToArray();
        return (indices.Select(i => Math.Log10(steps[i])).ToArray(), indices.Select(i => values[i]).ToArray(), indices);
    }
}
