using System.Globalization;

namespace OrleansSweep.Client.Views;

/// <summary>The sweep's results as a table for people: one row per run, the gap to the optimum last.</summary>
public static class ResultsTable
{
    public static void Render(IAnsiConsole console, SweepResults results)
    {
        console.MarkupLine($"[bold]{Markup.Escape(results.SweepId)}[/]: {Markup.Escape(results.CorpusDescription)}");
        var table = new Table().AddColumns("d", "L", "lr", "seed", "params", "state", "best eval", "final eval", "±", "gap");
        foreach (var c in table.Columns) c.RightAligned();
        foreach (var r in results.Runs)
            table.AddRow(
                $"{r.Model.DModel}", $"{r.Model.Layers}", r.Training.LearningRate.ToString("g3", CultureInfo.InvariantCulture),
                $"{r.Training.Seed}", r.Parameters.ToString("N0", CultureInfo.InvariantCulture), State(r),
                Loss(r.BestEvalLoss), Loss(r.FinalEvalLoss), Loss(r.FinalEvalStandardError), Loss(r.Gap));
        console.Write(table);
        console.MarkupLine(results.OptimalLoss is { } optimal
            ? $"Losses in nats/token on held-out tokens; gap = final eval − optimal loss {optimal:F4} (the exact entropy rate)."
            : "Losses in nats/token on held-out tokens; this corpus has no known optimal loss.");
    }

    private static string Loss(double? value) => value?.ToString("F4", CultureInfo.InvariantCulture) ?? "-";

    private static string State(RunResult run) => run.State switch
    {
        RunState.Completed => "[green]done[/]",
        RunState.Running => $"[blue]{run.Step}/{run.Training.Steps}[/]",
        RunState.Failed => "[red]failed[/]",
        RunState.Diverged => "[red]diverged[/]",
        _ => "pending",
    };
}
