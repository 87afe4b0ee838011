using System.Globalization;

namespace OrleansSweep.Client.Views;

/// <summary>
/// The sweep's results for people, in two tables that fit a terminal: losses and gaps, then saturation and the latest probes.
/// Model and training columns appear only when they differ between runs.
/// </summary>
public static class ResultsTable
{
    public static void Render(IAnsiConsole console, SweepResults results)
    {
        console.MarkupLine($"[bold]{Markup.Escape(results.SweepId)}[/]: {Markup.Escape(results.CorpusDescription)}");
        var runs = results.Runs;
        var axes = RunAxes.Varying(runs);

        var losses = Table([.. axes.Select(a => a.Name), "params", "state", "best", "final", "±", "gap", "fit gap"]);
        foreach (var r in runs)
            losses.AddRow([.. axes.Select(a => a.Value(r)), r.Parameters.ToString("N0", CultureInfo.InvariantCulture), State(r),
                Number(r.BestEvalLoss, "F4"), Number(r.FinalEvalLoss, "F4"), Number(r.FinalEvalStandardError, "F4"), Number(r.Gap, "F4"),
                r.ScalingLawGap is { } gap ? (gap >= 0 ? "+" : "") + gap.ToString("P1", CultureInfo.InvariantCulture) : "-"]);
        console.Write(losses);
        console.MarkupLine(results.OptimalLoss is { } optimal
            ? $"Eval losses in nats/token on held-out tokens; gap = final − the optimal loss {optimal:F4} (exact entropy rate)."
            : "Eval losses in nats/token on held-out tokens; this corpus has no known optimal loss.");
        foreach (var law in results.ScalingLaws)
            console.MarkupLine(FormattableString.Invariant(
                $"fit gap = (final − L(N))/L(N), L(N) = {law.E:F4} + {law.A:G4}/N^{law.Alpha:F3} fitted on {law.FittedRunIds.Count} runs (N: non-embedding parameters)."));

        var probes = Table([.. axes.Select(a => a.Name), "saturated", "collapse", "aniso>0.9", "H(σ)", "aniso", "kept"]);
        foreach (var r in runs)
            probes.AddRow([.. axes.Select(a => a.Value(r)), r.Saturated ? $"[yellow]at {r.BestEvalStep}[/]" : "no",
                Step(r.SpectrumCollapseStep), Step(r.AnisotropyStep), Number(r.SingularEntropy, "F2"),
                Number(r.FinalLayerAnisotropy, "F2"), Number(r.GradientKept, "F3")]);
        console.Write(probes);
        console.MarkupLine("Latest probe: H(σ) singular entropy of the LM head (nats), final-layer anisotropy, and the fraction of the logit " +
                           "gradient's norm the head passes back; collapse and aniso>0.9 are the steps those events happened.");
        if (results.ProbesPending > 0) console.MarkupLine($"[yellow]{results.ProbesPending} probe measurements still queued.[/]");
        DataRank(console, results);
    }

    // SCIENCE.md §9: the rank the data itself has, beside the hidden sizes the sweep tried.
    private static void DataRank(IAnsiConsole console, SweepResults results)
    {
        if (results.NgramPending) console.MarkupLine("[yellow]The n-gram rank estimate of the corpus is still being computed.[/]");
        if (results.Ngram is not { } ngram) return;
        if (ngram.Error is { } error)
        {
            console.MarkupLine($"[red]n-gram rank estimate failed:[/] {Markup.Escape(error)}");
            return;
        }
        var sizes = results.Runs.Select(r => r.Model.DModel).Distinct().Order().ToList();
        var ranks = string.Join(", ", ngram.Ranks.Select(r =>
            FormattableString.Invariant($"{r.Rank?.ToString(CultureInfo.InvariantCulture) ?? ">" + ngram.Singular.Count} at W-error ≤ {r.Tolerance}")));
        var below = ngram.NoiseAwareRank is { } rank ? sizes.Where(d => d < rank).ToList() : [];
        console.MarkupLine(Markup.Escape(FormattableString.Invariant(
            $"Data rank ({ngram.Order}-gram matrix of the training tokens, min count {ngram.MinCount}): noise-aware {ngram.NoiseAwareRank?.ToString(CultureInfo.InvariantCulture) ?? "beyond the computed σ"}; {ranks}.")));
        console.MarkupLine(Markup.Escape(
            $"Hidden sizes d: {string.Join(", ", sizes)}" +
            (below.Count > 0 ? $"; below the noise-aware data rank: {string.Join(", ", below)}." : "; none below the noise-aware data rank.")));
    }

    private static Table Table(string[] columns)
    {
        var table = new Table().AddColumns(columns);
        foreach (var c in table.Columns) c.RightAligned();
        return table;
    }

    private static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    private static string Step(int? step) => step?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string State(RunResult run) => run.State switch
    {
        RunState.Completed => "[green]done[/]",
        RunState.Running => $"[blue]{run.Step}/{run.Training.Steps}[/]",
        RunState.Failed => "[red]failed[/]",
        RunState.Diverged => "[red]diverged[/]",
        RunState.Paused => $"[yellow]paused {run.Step}[/]",
        RunState.Cancelled => "cancelled",
        _ => "pending",
    };
}
