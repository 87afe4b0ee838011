namespace OrleansSweep.Client.Report.Data;

/// <summary>Eval loss against training step, with the standard error of each mean (empty when not measured).</summary>
public sealed record LossSeries
{
    /// <summary>Training steps, increasing.</summary>
    public int[] Steps { get; init; } = [];

    /// <summary>Mean held-out cross-entropy at each step, nats per token.</summary>
    public double[] Values { get; init; } = [];

    /// <summary>The standard error of each value, or empty.</summary>
    public double[] StandardErrors { get; init; } = [];
}
