using System.Globalization;
using System.Text;
using OrleansSweep.Client.Report.Data;
using OrleansSweep.Client.Report.Figures;

namespace OrleansSweep.Client.Report;

/// <summary>
/// summary.md: one table row per run (SCIENCE.md §6–7 numbers and the last value of each probe), the scaling-law fit, the
/// n-gram ranks, links to the figures that were drawn and a note on each that was not. Numbers use the invariant culture; "–" marks what is unknown.
/// </summary>
public static class SummaryMarkdown
{
    /// <summary>The cell for a missing number.</summary>
    public const string Missing = "–";

    private static readonly string[] Columns =
    [
        "run", "N", "best (nats)", "final (nats)", "gap to optimum (nats)", "gap to fit", "saturated", "collapse step",
        "anisotropy step", "singular entropy (nats)", "anisotropy", "gradient kept",
    ];

    /// <summary>
    /// The markdown for <paramref name="data"/>, linking <paramref name="drawn"/> and saying what each of <paramref name="skipped"/>
    /// lacked (both in report order).
    /// </summary>
    public static string Render(SweepReportData data, IReadOnlyList<IReportFigure> drawn, IReadOnlyList<IReportFigure> skipped)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Sweep report: {data.SweepId}").AppendLine();
        text.AppendLine($"- corpus: {data.Corpus}");
        text.AppendLine($"- optimal loss: {(data.OptimalLoss is { } o ? Number(o, "F4") + " nats/token" : "unknown")}");
        text.AppendLine($"- runs: {data.Runs.Length}").AppendLine();
        AppendRuns(text, data.Runs);
        if (data.Fit is { } fit) AppendFit(text, fit, data.Runs);
        if (data.Ngram is { } ngram) AppendNgram(text, ngram);
        if (drawn.Count + skipped.Count > 0) text.AppendLine("## Figures").AppendLine();
        foreach (var figure in drawn) text.AppendLine($"![{figure.Caption}]({figure.FileName})").AppendLine();
        foreach (var figure in skipped) text.AppendLine($"- {figure.Caption} ({figure.FileName}): not drawn, it needs {figure.Needs}.");
        if (skipped.Count > 0) text.AppendLine();
        return text.ToString();
    }

    private static void AppendRuns(StringBuilder text, RunReportData[] runs)
    {
        text.AppendLine("## Runs").AppendLine();
        text.AppendLine($"| {string.Join(" | ", Columns)} |");
        text.AppendLine($"|{string.Concat(Columns.Select(_ => "---|"))}");
        foreach (var run in runs)
        {
            string[] cells =
            [
                run.Label.Replace("|", "\\|"),
                Number(run.NonEmbeddingParameters, "N0"),
                Number(run.BestLoss, "F4"),
                Number(run.FinalLoss, "F4"),
                Number(run.GapToOptimum, "+0.0000;-0.0000;0.0000"),
                run.GapToFit is { } gap ? Number(100 * gap, "+0.00;-0.00;0.00") + " %" : Missing,
                run.Saturated ? (run.SaturationStep is { } step ? $"yes (step {step})" : "yes") : "no",
                Number(run.SpectrumCollapseStep, "D"),
                Number(run.AnisotropyStep, "D"),
                Number(Last(run.SingularEntropy), "F3"),
                Number(Last(run.FinalLayerAnisotropy), "F3"),
                Number(Last(run.GradientKept), "F3"),
            ];
            text.AppendLine($"| {string.Join(" | ", cells)} |");
        }
        text.AppendLine();
    }

    private static void AppendFit(StringBuilder text, ScalingFitReportData fit, RunReportData[] runs)
    {
        var labels = fit.FittedRunIds.Select(id => runs.FirstOrDefault(r => r.RunId == id)?.Label ?? id);
        text.AppendLine("## Scaling-law fit").AppendLine();
        text.AppendLine($"L(N) = E + A / N^α with E = {Number(fit.E, "F4")} nats, A = {Number(fit.A, "G4")}, α = {Number(fit.Alpha, "F4")}, " +
                        $"fitted on {(fit.FittedRunIds.Length == 0 ? Missing : string.Join(", ", labels))}.").AppendLine();
    }

    private static void AppendNgram(StringBuilder text, NgramReportData ngram)
    {
        text.AppendLine("## N-gram rank estimate").AppendLine();
        text.AppendLine($"- order: n = {ngram.Order}");
        text.AppendLine($"- noise-aware rank: {Number(ngram.NoiseAwareRank, "D")}").AppendLine();
        if (ngram.RanksAtThreshold.Length == 0) return;
        text.AppendLine("| τ | smallest r with W-error(r) ≤ τ |").AppendLine("|---|---|");
        foreach (var (tau, rank) in ngram.RanksAtThreshold) text.AppendLine($"| {Number(tau, "G")} | {Number(rank, "D")} |");
        text.AppendLine();
    }

    private static double? Last(StepSeries series) => series.Values.Length == 0 ? null : series.Values[^1];

    private static string Number(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : Missing;

    private static string Number(long? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : Missing;
}
