using System.Collections;
using System.Globalization;
using OrleansSweep.Abstractions;

namespace OrleansSweep.Tests;

/// <summary>
/// A spec as the YAML a user would write for it, so tests that launch through the command line say their sweep as records.
/// Only fields that differ from <c>new SweepSpec()</c> are written, one section at a time, as <see cref="SpecFields"/> names them.
/// </summary>
public static class SpecYaml
{
    private static readonly SweepSpec Defaults = new();

    public static string Of(SweepSpec spec)
    {
        var lines = new List<string>();
        foreach (var section in SpecFields.All.GroupBy(f => f.Section))
        {
            var written = section.Where(f => Scalar(f.Read(spec)) != Scalar(f.Read(Defaults)))
                .Select(f => $"{f.Name}: {Scalar(f.Read(spec))}").ToList();
            if (written.Count == 0) continue;
            if (section.Key.Length == 0) lines.AddRange(written);
            else lines.AddRange([$"{section.Key}:", .. written.Select(w => "  " + w)]);
        }
        if (spec.Grid.Count > 0) lines.AddRange(["grid:", .. spec.Grid.Select(a => $"  {a.Name}: {Scalar(a.Values)}")]);
        return string.Join('\n', lines) + "\n";
    }

    private static string Scalar(object? value) => value switch
    {
        null => "~",
        string text => $"'{text.Replace("'", "''")}'",
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Scalar))}]",
        _ => throw new ArgumentException($"no YAML for a {value.GetType().Name}."),
    };
}
