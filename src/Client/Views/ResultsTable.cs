using System.Globalization;

namespace OrleansSweep.Client.Views;

/// <summary>The sweep's results as a table for people: one row per run, the gap to the optimum last.</summary>
public static class ResultsTable
{
    public static void Render(IAnsiConsole console, SweepResults results)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(results.SweepId)}[/]: {Markup.Escape(results.CorpusDescription)}")
            .AddColumns("run", "d", "layers", "heads", "lr", "seed", "params", "state", "step",
                "best eval", "final eval", "optimal", "gap");
        foreach (var c in table.Columns.Skip(1)) c.RightAligned();
        foreach (var r in results.Runs)
            table.AddRow(
                Markup.Escape(r.RunId), $"{r.Model.DModel}", $"{r.Model.Layers}", $"{r.Model.Heads}",
                r.Training.LearningRate.ToString("g3", CultureInfo.InvariantCulture), $"{r.Training.Seed}",
                r.Parameters.ToString("N0", CultureInfo.InvariantCulture), State(r.State), $"{r.Step}/{r.Training.Steps}",
                Loss(r.BestEvalLoss), Loss(r.FinalEvalLoss, r.FinalEvalStandardError), Loss(r.OptimalLoss), Loss(r.Gap));
        console.Write(table);
        if (results.OptimalLoss is { } optimal)
            console.MarkupLine($"Losses in nats/token; gap = final eval − optimal ({optimal:F4}, the exact entropy rate).");
    }

    private static string Loss(double? value, double? error = null) => value switch
    {
        null => "-",
        { } v when error is { } e => string.Create(CultureInfo.InvariantCulture, $"{v:F4} ± {e:F4}"),
        { } v => v.ToString("F4", CultureInfo.InvariantCulture),
    };

    private static string State(RunState state) => state switch
    {
        RunState.Completed => "[green]completed[/]",
        RunState.Running => "[blue]running[/]",
        RunState.Failed => "[red]failed[/]",
        RunState.Diverged => "[red]diverged[/]",
        _ => "pending",
    };
}
