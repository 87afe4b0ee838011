namespace OrleansSweep.Client.Report.Data;

/// <summary>The fitted L(N) = E + A / N^α (SCIENCE.md §7) and the runs it was fitted on.</summary>
public sealed record ScalingFitReportData
{
    /// <summary>The irreducible loss E, nats per token.</summary>
    public double E { get; init; }

    /// <summary>The scale A.</summary>
    public double A { get; init; }

    /// <summary>The exponent α.</summary>
    public double Alpha { get; init; }

    /// <summary>Ids of the runs whose final losses were fitted.</summary>
    public string[] FittedRunIds { get; init; } = [];

    /// <summary>The fitted loss at <paramref name="parameters"/> non-embedding parameters.</summary>
    public double Predict(double parameters) => E + A / Math.Pow(parameters, Alpha);
}
