namespace OrleansSweep.Abstractions;

/// <summary>
/// One entry of a spec's <c>parameters:</c> (W&amp;B's sweep syntax): a grid-axis field by its YAML name and the values or
/// distribution it is searched over. Which members apply depends on <see cref="Distribution"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.ParameterSpec")]
public sealed record ParameterSpec
{
    /// <summary>The field, as a grid axis names it (d_model, learning_rate, seed, …).</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>One of <see cref="Distributions"/>; the reader fills it in when the YAML leaves it out, as W&amp;B infers it.</summary>
    [Id(1)] public string Distribution { get; init; } = "";

    /// <summary><c>constant</c>: the one value.</summary>
    [Id(2)] public double? Value { get; init; }

    /// <summary><c>categorical</c>: the values, and optionally their probabilities (same length, summing to 1).</summary>
    [Id(3)] public IReadOnlyList<double> Values { get; init; } = [];
    [Id(4)] public IReadOnlyList<double> Probabilities { get; init; } = [];

    /// <summary>The bounds of the uniform kinds (the values themselves for the log kinds, as W&amp;B's <c>*_values</c>).</summary>
    [Id(5)] public double? Min { get; init; }
    [Id(6)] public double? Max { get; init; }

    /// <summary>The step the q-kinds round to.</summary>
    [Id(7)] public double? Q { get; init; }

    /// <summary>Mean and standard deviation of <c>normal</c> (of the log for <c>log_normal</c>).</summary>
    [Id(8)] public double? Mu { get; init; }
    [Id(9)] public double? Sigma { get; init; }

    /// <summary>Every distribution a parameter may name.</summary>
    public static readonly IReadOnlyList<string> Distributions =
    [
        "constant", "categorical", "uniform", "int_uniform", "log_uniform_values", "q_uniform", "q_log_uniform_values",
        "normal", "log_normal",
    ];
}
