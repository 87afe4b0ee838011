using System.Globalization;

namespace OrleansSweep.Client.Views;

/// <summary>The head-rank experiment for people: one row per rank, its loss against the original model's and the W-error.</summary>
public static class HeadRankTable
{
    /// <summary>Writes the report's header lines, its table and the legend to <paramref name="console"/>.</summary>
    public static void Render(IAnsiConsole console, HeadRankReport report)
    {
        var result = report.Experiment;
        console.MarkupLine($"[bold]{Markup.Escape(report.Checkpoint)}[/] (V={result.VocabularySize}, d={result.DModel}) on {Markup.Escape(report.Corpus)}");
        console.MarkupLine($"Body frozen; each head trained {result.Steps} steps. Original model: {Loss(result.ReferenceLoss)} ± {Loss(result.ReferenceStandardError)}" +
                           (result.OptimalLoss is { } optimal ? $"; optimal loss {Loss(optimal)}." : "."));
        var table = new Table().AddColumns("r", "head params", "eval loss", "±", "vs original", "W-error(r)");
        foreach (var c in table.Columns) c.RightAligned();
        foreach (var p in result.Points)
            table.AddRow(
                $"{p.Rank}", p.HeadParameters.ToString("N0", CultureInfo.InvariantCulture), Loss(p.EvalLoss), Loss(p.StandardError),
                (p.EvalLoss - result.ReferenceLoss).ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture),
                p.FullHeadWError.ToString("F3", CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLine($"Losses in nats/token on {result.EvalTokens.ToString("N0", CultureInfo.InvariantCulture)} held-out tokens; W-error(r) is the original head's relative " +
                           "Frobenius error at rank r (the paper sees head performance drop once it exceeds 0.6).");
    }

    private static string Loss(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
