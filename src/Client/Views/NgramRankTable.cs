using System.Globalization;

namespace OrleansSweep.Client.Views;

/// <summary>An n-gram rank estimate for people: the matrix, the ranks at each τ, the noise-aware rank and a few W-errors.</summary>
public static class NgramRankTable
{
    private static readonly int[] WErrorRanks = [1, 10, 100, 1000];

    public static void Render(IAnsiConsole console, NgramRankEstimate estimate)
    {
        var table = new Table().AddColumn("quantity").AddColumn("value", c => c.RightAligned());
        table.AddRow("contexts C", Number(estimate.Contexts));
        table.AddRow("effective vocabulary V_eff", Number(estimate.EffectiveVocabulary));
        table.AddRow("non-zeros", Number(estimate.NonZeros));
        table.AddRow("route", $"{estimate.Route} ({Number(estimate.Singular.Count)} σ)");
        foreach (var rank in estimate.Ranks)
            table.AddRow($"rank at W-error ≤ {rank.Tolerance.ToString(CultureInfo.InvariantCulture)}", RankText(rank.Rank));
        table.AddRow("noise floor (whitened σ)", estimate.NoiseFloor.ToString("G4", CultureInfo.InvariantCulture));
        table.AddRow("[bold]noise-aware rank[/]", $"[bold]{RankText(estimate.NoiseAwareRank)}[/]");
        foreach (var r in WErrorRanks.Append(estimate.NoiseAwareRank ?? 0).Where(r => r > 0 && r < estimate.WError.Count).Distinct().Order())
            table.AddRow($"W-error({r})", estimate.WError[r].ToString("F4", CultureInfo.InvariantCulture));
        table.Caption(Markup.Escape(
            $"{estimate.Source}: order {estimate.Order}, min count {estimate.MinCount}, {Number(estimate.Tokens)} tokens, " +
            $"{estimate.Seconds.ToString("F1", CultureInfo.InvariantCulture)} s"));
        console.Write(table);
    }

    private static string RankText(int? rank) => rank is { } r ? Number(r) : "beyond the computed σ";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
