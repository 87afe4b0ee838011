using System.Globalization;
using YamlDotNet.Core;
using OrleansSweep.Grains.Search;
using YamlDotNet.RepresentationModel;

namespace OrleansSweep.Client.Specs;

/// <summary>
/// Reads a sweep spec from YAML against <see cref="SpecFields"/>: every problem becomes one sentence with its line, naming the
/// field as the YAML spells it (never a .NET type). YamlDotNet parses the YAML; the fields are read here rather than by its
/// deserializer, whose errors name .NET types and which lets a repeated key silently win.
/// </summary>
public static class SweepSpecYaml
{
    /// <summary>Parses <paramref name="path"/>; any problem becomes one sentence naming the file, line and field.</summary>
    public static SweepSpec Load(string path)
    {
        if (!File.Exists(path)) throw new ArgumentException($"spec file {path} does not exist.");
        return Parse(File.ReadAllText(path), path);
    }

    public static SweepSpec Parse(string yaml, string source = "spec")
    {
        var root = Root(yaml, source);
        var spec = new SweepSpec();
        var lines = new Dictionary<SpecField, int>();
        var spaces = new List<YamlNode>();
        int? minIterMissing = null;
        foreach (var (key, value, name) in Entries(root, "the spec", source))
        {
            if (SpecFields.IgnoredKeys.Contains(name)) continue;
            if (SpecFields.Sections.Contains(name))
            {
                // A section with nothing under it (every line commented out) sets nothing.
                if (value is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" }) continue;
                var section = Mapping(value, name, source);
                foreach (var (fieldKey, fieldValue, fieldName) in Entries(section, name, source))
                {
                    var field = SpecFields.Find(name, fieldName)
                        ?? throw Unknown(source, fieldKey, name, "field", fieldName, SpecFields.All.Where(f => f.Section == name).Select(f => f.Name));
                    spec = field.Write(spec, Value(field, fieldValue, source));
                    lines[field] = Line(fieldKey);
                }
                if (name == "early_terminate" && !section.Children.ContainsKey("min_iter")) minIterMissing = Line(key);
            }
            else if (name is "grid" or "parameters")
            {
                spaces.Add(key);
                if (spaces.Count > 1) throw Error(source, Line(key), "a spec gives grid or parameters, not both: parameters is W&B's form of the same search space.");
                spec = name == "grid"
                    ? spec with { Grid = Grid(Mapping(value, name, source), source) }
                    : spec with { Parameters = Parameters(Mapping(value, name, source), source) };
            }
            else
            {
                var field = SpecFields.Find("", name)
                    ?? throw Unknown(source, key, "the spec", "field", name,
                        SpecFields.All.Where(f => f.Section == "").Select(f => f.Name).Concat(SpecFields.Sections).Append("grid").Append("parameters"));
                spec = field.Write(spec, Value(field, value, source));
                lines[field] = Line(key);
            }
        }
        // Bounds once the whole spec is read: which corpus fields count depends on corpus.kind, wherever it stands. The fields
        // the YAML gives come first, with their lines, before a field it left out (early_terminate's min_iter) is named.
        foreach (var field in SpecFields.All.Where(f => f.Kinds is null || f.Kinds.Contains(spec.Corpus.Kind)).OrderBy(f => lines.ContainsKey(f) ? 0 : 1))
            if (field.Problem(field.Read(spec)) is { } problem)
                throw lines.TryGetValue(field, out var line) ? Error(source, line, problem)
                    : field.Path == "early_terminate.min_iter" && minIterMissing is { } at
                        ? Error(source, at, "early_terminate.min_iter must be given: the first rung, in training steps.")
                        : new ArgumentException($"{source}: {problem}");
        return spec;
    }

    private static YamlMappingNode Root(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).TrimEnd('.');
            // YamlDotNet refuses a repeated key (its deserializer would let the last one win); say it in the spec's words.
            if (reason.StartsWith("Duplicate key ", StringComparison.Ordinal)) reason = $"'{reason["Duplicate key ".Length..]}' is given twice";
            throw Error(source, (int)e.Start.Line, reason + ".");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            throw new ArgumentException($"{source} is empty.");
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Error(source, Line(stream.Documents[0].RootNode), "a spec is a mapping of fields (name, corpus, model, training, grid, …).");
    }

    private static IEnumerable<(YamlNode Key, YamlNode Value, string Name)> Entries(YamlMappingNode mapping, string owner, string source)
    {
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? throw Error(source, Line(key), $"{owner} has a key that is not a name.");
            yield return (key, value, name);
        }
    }

    private static YamlMappingNode Mapping(YamlNode node, string name, string source) => node as YamlMappingNode
        ?? throw Error(source, Line(node), $"{name} must be a mapping of its fields, one per line.");

    private static List<GridAxis> Grid(YamlMappingNode grid, string source)
    {
        var axes = new List<GridAxis>();
        foreach (var (key, value, name) in Entries(grid, "grid", source))
        {
            var field = SpecFields.Axes.FirstOrDefault(f => f.Name == name)
                ?? throw Unknown(source, key, "grid", "axis", name, SpecFields.Axes.Select(f => f.Name));
            var values = (value as YamlSequenceNode)?.Children
                ?? throw Error(source, Line(value), $"grid.{name} must be a list of values, e.g. [16, 32].");
            axes.Add(new GridAxis(name, values.Select(v => AxisValue(field, v, source)).ToList()));
        }
        return axes;
    }

    // W&B's parameters: each a grid-axis field and a mapping of distribution keys, its distribution inferred as W&B does when left out.
    private static List<ParameterSpec> Parameters(YamlMappingNode parameters, string source)
    {
        var result = new List<ParameterSpec>();
        foreach (var (key, value, name) in Entries(parameters, "parameters", source))
        {
            var field = SpecFields.Axes.FirstOrDefault(f => f.Name == name)
                ?? throw Unknown(source, key, "parameters", "field", name, SpecFields.Axes.Select(f => f.Name));
            var path = $"parameters.{name}";
            var keys = value as YamlMappingNode
                ?? throw Error(source, Line(value), $"{path} must be a mapping such as {{values: [16, 32]}} or {{distribution: uniform, min: 0, max: 1}}.");
            var parameter = new ParameterSpec { Name = name };
            var integerBounds = true;
            YamlScalarNode? distribution = null;
            foreach (var (k, v, keyName) in Entries(keys, path, source))
            {
                var at = $"{path}.{keyName}";
                switch (keyName)
                {
                    case "distribution":
                        distribution = v as YamlScalarNode ?? throw Error(source, Line(v), $"{at} must be a name such as uniform.");
                        parameter = parameter with { Distribution = distribution.Value ?? "" };
                        break;
                    case "min" or "max":
                        var bound = ParameterNumber(v, at, source, out var isInteger);
                        integerBounds &= isInteger;
                        parameter = keyName == "min" ? parameter with { Min = bound } : parameter with { Max = bound };
                        break;
                    default:
                        parameter = keyName switch
                        {
                            "value" => parameter with { Value = ParameterNumber(v, at, source, out _) },
                            "values" => parameter with { Values = ParameterNumbers(v, at, source) },
                            "probabilities" => parameter with { Probabilities = ParameterNumbers(v, at, source) },
                            "q" => parameter with { Q = ParameterNumber(v, at, source, out _) },
                            "mu" => parameter with { Mu = ParameterNumber(v, at, source, out _) },
                            "sigma" => parameter with { Sigma = ParameterNumber(v, at, source, out _) },
                            _ => throw Unknown(source, k, path, "key", keyName, ParameterDistribution.Keys),
                        };
                        break;
                }
            }
            if (distribution is not null && !ParameterSpec.Distributions.Contains(parameter.Distribution) && ParameterDistribution.InsteadOf(parameter.Distribution) is null)
                throw Unknown(source, distribution, path, "distribution", parameter.Distribution, ParameterSpec.Distributions);
            parameter = parameter with { Distribution = ParameterDistribution.Infer(parameter, integerBounds) };
            if (ParameterDistribution.Problem(parameter, field, path) is { } problem) throw Error(source, Line(key), problem);
            result.Add(parameter);
        }
        return result;
    }

    private static double ParameterNumber(YamlNode node, string path, string source, out bool isInteger)
    {
        var text = (node as YamlScalarNode)?.Value;
        isInteger = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        return text is not null && Number(text) is double value ? value : throw Error(source, Line(node), $"{path} must be a number, got {(text is null ? "a list or mapping" : $"'{text}'")}.");
    }

    private static List<double> ParameterNumbers(YamlNode node, string path, string source) => (node as YamlSequenceNode)?.Children
        .Select(item => ParameterNumber(item, path, source, out _)).ToList()
        ?? throw Error(source, Line(node), $"{path} must be a list of numbers, e.g. [16, 32].");

    private static double AxisValue(SpecField field, YamlNode node, string source)
    {
        var value = Value(field, node, source);
        if (field.Problem(value) is { } problem) throw Error(source, Line(node), $"grid.{field.Name}: {problem}");
        return Convert.ToDouble(value, CultureInfo.InvariantCulture);
    }

    // The node as the field's type: int, double, bool, string, or a list of ints or strings; null where the field is optional.
    private static object? Value(SpecField field, YamlNode node, string source)
    {
        if (field.Type is SpecFieldType.Integers or SpecFieldType.Texts)
        {
            var items = (node as YamlSequenceNode)?.Children
                ?? throw Error(source, Line(node), $"{field.Path} must be a list, e.g. [{(field.Type == SpecFieldType.Texts ? "a, b" : "1, 2")}].");
            var single = field with { Type = field.Type == SpecFieldType.Texts ? SpecFieldType.Text : SpecFieldType.Integer, Optional = false };
            return field.Type == SpecFieldType.Texts
                ? items.Select(i => (string)Value(single, i, source)!).ToList()
                : items.Select(i => (int)Value(single, i, source)!).ToList();
        }
        if (node is not YamlScalarNode { Value: var text } scalar)
            throw Error(source, Line(node), $"{field.Path} must be {Expected(field.Type)}, not a list or mapping.");
        if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && text is null or "" or "~" or "null")
            return field.Optional ? null : throw Error(source, Line(node), $"{field.Path} must be {Expected(field.Type)}, got nothing.");
        object? value = field.Type switch
        {
            SpecFieldType.Integer => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null,
            SpecFieldType.Number => Number(text!),
            SpecFieldType.Boolean => text!.ToLowerInvariant() switch { "true" => true, "false" => false, _ => null },
            _ => text,
        };
        return value ?? throw Error(source, Line(node), $"{field.Path} must be {Expected(field.Type)}, got '{text}'.");
    }

    private static object? Number(string text) => text.ToLowerInvariant() switch
    {
        ".nan" => double.NaN,
        ".inf" or "+.inf" => double.PositiveInfinity,
        "-.inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
    };

    private static string Expected(SpecFieldType type) => type switch
    {
        SpecFieldType.Integer => $"an integer (up to {int.MaxValue})",
        SpecFieldType.Number => "a number",
        SpecFieldType.Boolean => "true or false",
        _ => "text",
    };

    private static ArgumentException Unknown(string source, YamlNode at, string owner, string what, string name, IEnumerable<string> known)
    {
        var names = known.ToList();
        var closest = names.Select(n => (Name: n, Distance: EditDistance(name, n))).MinBy(c => c.Distance);
        var hint = closest.Distance <= Math.Max(2, name.Length / 3)
            ? $"did you mean '{closest.Name}'?"
            : $"use one of {string.Join(", ", names)}.";
        return Error(source, Line(at), $"{owner} has no {what} '{name}'; {hint}");
    }

    // Levenshtein distance over a handful of short names: a library for it would outweigh these lines.
    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var (diagonal, row0) = (row[0], i);
            row[0] = row0;
            for (var j = 1; j <= b.Length; j++)
            {
                var next = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                (diagonal, row[j]) = (row[j], next);
            }
        }
        return row[b.Length];
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static ArgumentException Error(string source, int line, string message) => new($"{source} line {line}: {message}");
}
