using System.Text.RegularExpressions;

namespace OrleansSweep.EndToEnd.Tests.Report;

/// <summary>The runs table of a summary.md, read back by column header and run label.</summary>
public sealed class SummaryTable
{
    private readonly string[] header;
    private readonly string[][] rows;

    public SummaryTable(string markdown)
    {
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var start = Array.FindIndex(lines, l => l.StartsWith("| run |", StringComparison.Ordinal));
        Assert.True(start >= 0, "summary.md has no runs table");
        header = Cells(lines[start]);
        rows = lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(Cells).ToArray();
    }

    public int RowCount => rows.Length;

    /// <summary>The cell of run <paramref name="label"/> under <paramref name="column"/>.</summary>
    public string Cell(string label, string column)
    {
        var index = Array.IndexOf(header, column);
        Assert.True(index >= 0, $"no column '{column}' in [{string.Join(", ", header)}]");
        return rows.Single(r => r[0] == label)[index];
    }

    // Markdown escapes a pipe inside a cell as \|; only the others separate cells.
    private static string[] Cells(string line) =>
        Regex.Split(line.Trim()[1..^1], @"(?<!\\)\|").Select(c => c.Trim()).ToArray();
}
