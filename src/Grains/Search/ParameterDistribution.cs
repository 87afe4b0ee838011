using System.Globalization;

namespace OrleansSweep.Grains.Search;

/// <summary>
/// The distributions of W&amp;B's sweep syntax for one parameter: the keys each takes, what is wrong with one against the field
/// it sets, its random draws and, for the discrete ones, its values in order. Semantics are W&amp;B's: int_uniform includes both
/// bounds, the *_values kinds take their bounds as values (not logarithms), q kinds round to a multiple of q.
/// </summary>
public static class ParameterDistribution
{
    private static readonly Dictionary<string, string[]> KeysOf = new()
    {
        ["constant"] = ["value"],
        ["categorical"] = ["values", "probabilities"],
        ["uniform"] = ["min", "max"],
        ["int_uniform"] = ["min", "max"],
        ["log_uniform_values"] = ["min", "max"],
        ["q_uniform"] = ["min", "max", "q"],
        ["q_log_uniform_values"] = ["min", "max", "q"],
        ["normal"] = ["mu", "sigma"],
        ["log_normal"] = ["mu", "sigma"],
    };

    // W&B distributions not offered here that a W&B file may well name, and what to write instead.
    private static readonly Dictionary<string, string> Instead = new()
    {
        ["log_uniform"] = "log_uniform_values, with min and max as the values themselves (W&B's log_uniform takes their natural logarithms)",
        ["q_log_uniform"] = "q_log_uniform_values, with min and max as the values themselves (W&B's q_log_uniform takes their natural logarithms)",
    };

    /// <summary>For a W&amp;B distribution not offered here, what to write instead; null for any other name.</summary>
    public static string? InsteadOf(string distribution) => Instead.GetValueOrDefault(distribution);

    /// <summary>Every key a parameter may have, as the YAML spells it.</summary>
    public static readonly IReadOnlyList<string> Keys = ["distribution", "value", "values", "probabilities", "min", "max", "q", "mu", "sigma"];

    /// <summary>
    /// The distribution as given, or as W&amp;B infers it when left out: value → constant, values → categorical, min and max →
    /// int_uniform when both are integers (<paramref name="integerBounds"/>) else uniform, mu or sigma → normal; "" when none fits.
    /// </summary>
    public static string Infer(ParameterSpec p, bool integerBounds) => p.Distribution.Length > 0 ? p.Distribution : p switch
    {
        { Value: not null } => "constant",
        { Values.Count: > 0 } => "categorical",
        { Min: not null, Max: not null } => integerBounds ? "int_uniform" : "uniform",
        { Mu: not null } or { Sigma: not null } => "normal",
        _ => "",
    };

    /// <summary>The parameter with its distribution inferred where left out; over the wire a whole-number bound counts as an integer.</summary>
    public static ParameterSpec Inferred(ParameterSpec p) => p with { Distribution = Infer(p, IsWhole(p.Min) && IsWhole(p.Max)) };

    /// <summary>Whether the parameter takes finitely many values, which grid search lists and which bound how many distinct runs it has.</summary>
    public static bool IsDiscrete(ParameterSpec p) => p.Distribution is "constant" or "categorical" or "int_uniform" or "q_uniform" or "q_log_uniform_values";

    /// <summary>One sentence, starting with <paramref name="path"/>, on what is wrong with <paramref name="p"/> as a search of <paramref name="field"/>; null when nothing is.</summary>
    public static string? Problem(ParameterSpec p, SpecField field, string path) =>
        Shape(p) is { } shape ? $"{path}: {shape}" : Values(p, field) is { } values ? $"{path}: {values}" : null;

    /// <summary>A random draw, normalised so that 0 is never −0; the unbounded kinds draw again while outside the field's range.</summary>
    public static double Sample(ParameterSpec p, SpecField field, Random random)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var value = Draw(p, random) + 0.0;
            if (field.Problem(value) is null) return value;
        }
        throw new ArgumentException($"{field.Name}: {p.Distribution} drew nothing inside {field.Path}'s range ({field.Range}) in 10,000 draws.");
    }

    /// <summary>How many values a discrete parameter takes (the values a grid lists); only for <see cref="IsDiscrete"/> ones.</summary>
    public static long Count(ParameterSpec p) => p.Distribution switch
    {
        "constant" => 1,
        "categorical" => p.Values.Count,
        "int_uniform" => (long)(p.Max!.Value - p.Min!.Value) + 1,
        "q_uniform" or "q_log_uniform_values" => (long)(Math.Round(p.Max!.Value / Step(p)) - Math.Round(p.Min!.Value / Step(p))) + 1,
        _ => throw new InvalidOperationException($"{p.Distribution} is not discrete."),
    };

    /// <summary>The <paramref name="index"/>th value of a discrete parameter: categorical in listed order, the others ascending.</summary>
    public static double ValueAt(ParameterSpec p, long index) => p.Distribution switch
    {
        "constant" => p.Value!.Value,
        "categorical" => p.Values[(int)index],
        "int_uniform" => p.Min!.Value + index,
        "q_uniform" or "q_log_uniform_values" => Quantize(p, (Math.Round(p.Min!.Value / Step(p)) + index) * Step(p)),
        _ => throw new InvalidOperationException($"{p.Distribution} is not discrete."),
    } + 0.0;

    private static double Draw(ParameterSpec p, Random random) => p.Distribution switch
    {
        "constant" => p.Value!.Value,
        "categorical" => p.Values[Category(p, random)],
        "uniform" => Uniform(p.Min!.Value, p.Max!.Value, random),
        "int_uniform" => p.Min!.Value + random.NextInt64((long)(p.Max!.Value - p.Min!.Value) + 1),
        "log_uniform_values" => LogUniform(p, random),
        "q_uniform" => Quantize(p, Math.Round(Uniform(p.Min!.Value, p.Max!.Value, random) / Step(p)) * Step(p)),
        "q_log_uniform_values" => Quantize(p, Math.Round(LogUniform(p, random) / Step(p)) * Step(p)),
        "normal" => Mu(p) + Sigma(p) * StandardNormal(random),
        "log_normal" => Math.Exp(Mu(p) + Sigma(p) * StandardNormal(random)),
        _ => throw new InvalidOperationException($"{p.Distribution} is not a distribution."),
    };

    private static int Category(ParameterSpec p, Random random)
    {
        if (p.Probabilities.Count == 0) return random.Next(p.Values.Count);
        var u = random.NextDouble();
        for (var i = 0; i < p.Values.Count - 1; i++)
            if ((u -= p.Probabilities[i]) < 0) return i;
        return p.Values.Count - 1;
    }

    private static double Uniform(double min, double max, Random random) => min + (max - min) * random.NextDouble();

    private static double LogUniform(ParameterSpec p, Random random) =>
        Math.Exp(Uniform(Math.Log(p.Min!.Value), Math.Log(p.Max!.Value), random));

    // Box–Muller; 1 − U lies in (0, 1], so the logarithm is finite.
    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    // Rounding to q can step just past a bound that is not a multiple of q; the value stays inside, as the spec asked.
    private static double Quantize(ParameterSpec p, double value) => Math.Clamp(value, p.Min!.Value, p.Max!.Value);

    private static double Step(ParameterSpec p) => p.Q ?? 1.0;
    private static double Mu(ParameterSpec p) => p.Mu ?? 0.0;
    private static double Sigma(ParameterSpec p) => p.Sigma ?? 1.0;

    // What is wrong with the parameter on its own: its distribution, its keys and their relations.
    private static string? Shape(ParameterSpec p)
    {
        var d = p.Distribution;
        if (d.Length == 0) return "give value, values, min and max, or mu and sigma (or a distribution).";
        if (InsteadOf(d) is { } instead) return $"distribution '{d}' is not offered; use {instead}.";
        if (!KeysOf.TryGetValue(d, out var allowed))
            return $"distribution '{d}' is unknown; use one of {string.Join(", ", ParameterSpec.Distributions)}.";
        var given = Given(p).ToList();
        if (given.FirstOrDefault(k => !allowed.Contains(k)) is { } extra) return $"{extra} does not apply to {d}.";
        if (given.FirstOrDefault(k => !double.IsFinite(Number(p, k))) is { } infinite) return $"{infinite} must be a finite number.";
        var missing = allowed.Where(k => k is "value" or "values" or "min" or "max" && !given.Contains(k)).ToList();
        if (missing.Count > 0) return $"{d} needs {string.Join(" and ", missing)}.";
        if (d == "categorical") return Categorical(p);
        if (p.Min is { } min && p.Max is { } max)
        {
            if (min >= max) return $"min ({Format(min)}) must be below max ({Format(max)}).";
            if (d.Contains("log") && min <= 0) return $"{d} needs min above 0, got {Format(min)}.";
            if (d == "int_uniform" && (!IsWhole(min) || !IsWhole(max)))
                return $"int_uniform needs integer min and max, got {Format(min)} and {Format(max)}.";
        }
        if (p.Q is <= 0) return $"q must be positive, got {Format(p.Q.Value)}.";
        if (p.Sigma is <= 0) return $"sigma must be positive, got {Format(p.Sigma.Value)}.";
        return null;
    }

    private static string? Categorical(ParameterSpec p)
    {
        var repeated = p.Values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) return $"values repeat {Format(repeated.Key)}.";
        if (p.Probabilities.Count == 0) return null;
        if (p.Probabilities.Count != p.Values.Count)
            return $"probabilities has {p.Probabilities.Count} entries for {p.Values.Count} values.";
        if (p.Probabilities.FirstOrDefault(q => q < 0) is < 0 and var negative)
            return $"probabilities must not be negative, got {Format(negative)}.";
        var sum = p.Probabilities.Sum();
        return Math.Abs(sum - 1) > 1e-6 ? $"probabilities sum to {Format(sum)}, not 1." : null;
    }

    // What is wrong with the values it gives the field: fractions on an integer field, or values outside the field's range.
    private static string? Values(ParameterSpec p, SpecField field)
    {
        var integer = field.Type == SpecFieldType.Integer;
        var d = p.Distribution;
        if (integer && d is "uniform" or "log_uniform_values" or "normal" or "log_normal")
            return $"{d} gives fractions, but {field.Path} is an integer; use int_uniform, values, or a q distribution with integer min, max and q.";
        if (integer && d.StartsWith("q_", StringComparison.Ordinal) && !(IsWhole(p.Min) && IsWhole(p.Max) && IsWhole(p.Q ?? 1)))
            return $"{d} on the integer {field.Path} needs integer min, max and q, got {Format(p.Min!.Value)}, {Format(p.Max!.Value)} and {Format(p.Q ?? 1)}.";
        double?[] bounds = d switch
        {
            "constant" => [p.Value],
            "categorical" => [.. p.Values.Select(v => (double?)v)],
            "normal" => [Mu(p)],
            "log_normal" => [Math.Exp(Mu(p))],
            _ => [p.Min, p.Max],
        };
        foreach (var value in bounds.OfType<double>())
        {
            if (integer && !IsWhole(value)) return $"values must be integers, since {field.Path} is an integer; got {Format(value)}.";
            // The normal kinds are drawn again outside the range; their centre must lie inside it, or few draws would.
            if (field.Problem(integer ? (int)value : value) is { } problem)
                return d is "normal" or "log_normal" ? $"mu puts the centre of {d} outside the range: {problem}" : problem;
        }
        return null;
    }

    private static IEnumerable<string> Given(ParameterSpec p)
    {
        if (p.Value is not null) yield return "value";
        if (p.Values.Count > 0) yield return "values";
        if (p.Probabilities.Count > 0) yield return "probabilities";
        if (p.Min is not null) yield return "min";
        if (p.Max is not null) yield return "max";
        if (p.Q is not null) yield return "q";
        if (p.Mu is not null) yield return "mu";
        if (p.Sigma is not null) yield return "sigma";
    }

    // A key's number, or one of its numbers for the lists, for the finiteness check (NaN when any is not finite).
    private static double Number(ParameterSpec p, string key) => key switch
    {
        "value" => p.Value!.Value,
        "values" => p.Values.All(double.IsFinite) ? 0 : double.NaN,
        "probabilities" => p.Probabilities.All(double.IsFinite) ? 0 : double.NaN,
        "min" => p.Min!.Value,
        "max" => p.Max!.Value,
        "q" => p.Q!.Value,
        "mu" => p.Mu!.Value,
        _ => p.Sigma!.Value,
    };

    private static bool IsWhole(double? value) => value is { } v && v == Math.Floor(v) && Math.Abs(v) <= int.MaxValue;

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
