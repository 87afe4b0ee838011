using System.Globalization;

namespace OrleansSweep.Client.Views;

/// <summary>
/// The sweep's results for people: its groups (runs alike but for their seed or an unlisted axis), then its best runs in two
/// tables that fit a terminal: losses, gaps and why each ended, then saturation and the latest probes. Model and training
/// columns appear only when they differ between the rows, "why ended" only when a row ended short.
/// </summary>
public static class ResultsTable
{
    public static void Render(IAnsiConsole console, SweepResults results, ResultsQuery? query = null)
    {
        console.MarkupLine($"[bold]{Markup.Escape(results.SweepId)}[/]: {Markup.Escape(results.CorpusDescription)}");
        console.MarkupLine($"{StatusTable.Counts(results.Counts)}.");
        Groups(console, results, query ?? new ResultsQuery());
        var runs = results.Runs;
        if (runs.Count == 0) return;
        if (runs.Count < results.Counts.Total)
            console.MarkupLine(Markup.Escape($"The best {StatusTable.Whole(runs.Count)} of {StatusTable.Whole(results.Counts.Total)} runs by " +
                                             $"{results.Metric.Name} ({results.Metric.Goal}), best first; --top K shows more."));
        var axes = RunAxes.Varying(runs);
        var endedShort = runs.Any(r => WhyEnded(r).Length > 0);

        var losses = Table([.. axes.Select(a => a.Name), "params", "state", "best", "final", "±", "gap", "fit gap", .. endedShort ? ["why ended"] : Array.Empty<string>()]);
        foreach (var r in runs)
            losses.AddRow([.. axes.Select(a => a.Value(r)), r.Parameters.ToString("N0", CultureInfo.InvariantCulture), State(r),
                Number(r.BestEvalLoss, "F4"), Number(r.FinalEvalLoss, "F4"), Number(r.FinalEvalStandardError, "F4"), Number(r.Gap, "F4"),
                r.ScalingLawGap is { } gap ? (gap >= 0 ? "+" : "") + gap.ToString("P1", CultureInfo.InvariantCulture) : "-",
                .. endedShort ? [Markup.Escape(WhyEnded(r))] : Array.Empty<string>()]);
        if (endedShort) losses.Columns[^1].LeftAligned();
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

    /// <summary>"stopped at rung 300", "failed: …", "diverged": why a run ended short; empty for one that did not.</summary>
    public static string WhyEnded(RunResult run) => run.State switch
    {
        RunState.Stopped => run.StoppedAtStep is { } rung ? $"stopped at rung {rung}" : "stopped",
        RunState.Failed => run.Error is { } error ? $"failed: {error.Split('\n')[0].Trim()}" : "failed",
        RunState.Diverged => "diverged",
        _ => "",
    };

    // Shown when it says more than the runs table: some group holds several runs (seeds, or axes drawn from a distribution).
    private static void Groups(IAnsiConsole console, SweepResults results, ResultsQuery query)
    {
        var groups = results.Groups;
        if (groups.Count == 0 || (results.GroupCount <= groups.Count && groups.All(g => g.Counts.Total <= 1))) return;
        var axes = groups[0].Axes.Select(a => a.Name).ToList();
        var table = Table([.. axes, "runs", "best", "mean ± sd", "measured", "saturated"]);
        foreach (var g in groups)
            table.AddRow([.. g.Axes.Select(a => a.Value.ToString("G4", CultureInfo.InvariantCulture)), StatusTable.Counts(g.Counts),
                Number(g.Best, "F4"), g.Mean is { } mean ? mean.ToString("F4", CultureInfo.InvariantCulture) + (g.StandardDeviation is { } sd ? " ± " + sd.ToString("F4", CultureInfo.InvariantCulture) : "") : "-",
                $"{g.Measured}", g.Saturated > 0 ? $"[yellow]{g.Saturated}[/]" : "0"]);
        table.Columns[axes.Count].LeftAligned();
        console.Write(table);
        var pages = Math.Max(1, (results.GroupCount + query.GroupPageSize - 1) / query.GroupPageSize);
        console.MarkupLine(Markup.Escape(
            $"Groups: runs alike in {(axes.Count == 0 ? "nothing listed" : string.Join(", ", axes))} (seeds and continuous axes aggregated), by {results.Metric.Name}; " +
            $"page {StatusTable.Whole(query.GroupPage)} of {StatusTable.Whole(pages)} ({StatusTable.Whole(results.GroupCount)} groups)" +
            (pages > 1 ? "; --group-page N for another." : ".")));
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
        var sizes = results.Runs.Select(r => r.Model.DModel)
            .Concat(results.Groups.SelectMany(g => g.Axes).Where(a => a.Name == "d_model").Select(a => (int)a.Value))
            .Distinct().Order().ToList();
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
        RunState.Stopped => "[yellow]stopped[/]",
        _ => "pending",
    };
}
