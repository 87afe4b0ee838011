namespace OrleansSweep.Client.Report.Data;

/// <summary>A probe's values against training step; both arrays have the same length.</summary>
public sealed record StepSeries
{
    /// <summary>Training steps, increasing.</summary>
    public int[] Steps { get; init; } = [];

    /// <summary>The value at each step.</summary>
    public double[] Values { get; init; } = [];
}
