using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansSweep.Abstractions;

/// <summary>
/// One setting of a sweep spec, named as the YAML spells it: its section, type, bounds and how to read and set it. The
/// YAML reader, validation, grid axes, error messages, the README's field table and the tests all read <see cref="SpecFields"/>.
/// </summary>
public sealed record SpecField
{
    /// <summary>"" for a top-level field, else corpus, model, training, probes or analysis.</summary>
    public required string Section { get; init; }
    public required string Name { get; init; }
    public required SpecFieldType Type { get; init; }
    public required string Description { get; init; }
    public required Func<SweepSpec, object?> Read { get; init; }
    /// <summary>Sets the field to a value of its type (int, double, bool, string, or a list of those; null where optional).</summary>
    public required Func<SweepSpec, object?, SweepSpec> Write { get; init; }
    /// <summary>The smallest value allowed (for lists: of each element).</summary>
    public double? Min { get; init; }
    public bool MinExclusive { get; init; }
    public double? Max { get; init; }
    public bool MaxExclusive { get; init; }
    /// <summary>A value allowed besides the range (analysis.ngram_order: 0 means none).</summary>
    public double? Also { get; init; }
    /// <summary>The only values allowed, for texts.</summary>
    public IReadOnlyList<string>? Choices { get; init; }
    /// <summary>A regular expression a text must match, and what it says in words.</summary>
    public (string Regex, string Words)? Pattern { get; init; }
    /// <summary>May be left out (null): model.head_rank.</summary>
    public bool Optional { get; init; }
    /// <summary>A grid axis may vary it per run (the axis has the field's name).</summary>
    public bool IsAxis { get; init; }
    /// <summary>The corpus kinds that read it; null: every spec.</summary>
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>section.name, as every message names it.</summary>
    public string Path => Section.Length == 0 ? Name : $"{Section}.{Name}";

    /// <summary>The allowed values in words: "at least 1", "positive", "in [0, 1)", "one of bytes, gpt2".</summary>
    public string Range
    {
        get
        {
            if (Choices is not null) return "one of " + string.Join(", ", Choices);
            var also = Also is { } a ? $"{Format(a)} or " : "";
            return (Min, Max) switch
            {
                ({ } lo, { } hi) => $"{also}in {(MinExclusive ? "(" : "[")}{Format(lo)}, {Format(hi)}{(MaxExclusive ? ")" : "]")}",
                (0, null) when MinExclusive => also + "positive",
                ({ } lo, null) => $"{also}{(MinExclusive ? "above" : "at least")} {Format(lo)}",
                (null, { } hi) => $"{also}{(MaxExclusive ? "below" : "at most")} {Format(hi)}",
                _ => Pattern is { } p ? p.Words : Type == SpecFieldType.Number ? "a finite number" : "any value",
            };
        }
    }

    /// <summary>One sentence naming the field when <paramref name="value"/> is out of range, else null.</summary>
    public string? Problem(object? value) => value switch
    {
        null when Optional => null,
        null => $"{Path} must be given.",
        int i => NumberProblem(i),
        double d => NumberProblem(d),
        string s when Choices is not null && !Choices.Contains(s) => $"{Path} must be {Range}, got '{s}'.",
        string s when Pattern is { } p && !Regex.IsMatch(s, p.Regex) => $"{Path} must be {p.Words}, got '{s}'.",
        IEnumerable<int> list => list.Select(i => NumberProblem(i)).FirstOrDefault(p => p is not null),
        IEnumerable<string> list when Choices is not null => list.Where(s => !Choices.Contains(s))
            .Select(s => $"{Path} must hold only {string.Join(", ", Choices)}, got '{s}'.").FirstOrDefault(),
        _ => null,
    };

    private string? NumberProblem(double value)
    {
        if (Also == value) return null;
        // Written so that NaN fails every comparison and is refused.
        var inRange = double.IsFinite(value)
            && (Min is not { } lo || (MinExclusive ? value > lo : value >= lo))
            && (Max is not { } hi || (MaxExclusive ? value < hi : value <= hi));
        if (inRange) return null;
        var what = Type == SpecFieldType.Integers ? $"{Path} must hold values {Range}" : $"{Path} must be {Range}";
        return $"{what}, got {Format(value)}.";
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
