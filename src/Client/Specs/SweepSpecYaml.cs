using System.Globalization;
using YamlDotNet.Core;
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
        foreach (var (key, value, name) in Entries(root, "the spec", source))
        {
            if (SpecFields.Sections.Contains(name))
            {
                foreach (var (fieldKey, fieldValue, fieldName) in Entries(Mapping(value, name, source), name, source))
                {
                    var field = SpecFields.Find(name, fieldName)
                        ?? throw Unknown(source, fieldKey, name, "field", fieldName, SpecFields.All.Where(f => f.Section == name).Select(f => f.Name));
                    spec = field.Write(spec, Value(field, fieldValue, source));
                    lines[field] = Line(fieldKey);
                }
            }
            else if (name == "grid") spec = spec with { Grid = Grid(Mapping(value, name, source), source) };
            else
            {
                var field = SpecFields.Find("", name)
                    ?? throw Unknown(source, key, "the spec", "field", name,
                        SpecFields.All.Where(f => f.Section == "").Select(f => f.Name).Concat(SpecFields.Sections).Append("grid"));
                spec = field.Write(spec, Value(field, value, source));
                lines[field] = Line(key);
            }
        }
        // Bounds once the whole spec is read: which corpus fields count depends on corpus.kind, wherever it stands.
        foreach (var field in SpecFields.All.Where(f => f.Kinds is null || f.Kinds.Contains(spec.Corpus.Kind)))
            if (field.Problem(field.Read(spec)) is { } problem)
                throw lines.TryGetValue(field, out var line) ? Error(source, line, problem) : new ArgumentException($"{source}: {problem}");
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
