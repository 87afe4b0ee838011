using System.Globalization;

namespace OrleansSweep.Client.Views;

/// <summary>A sweep's progress for people: counts by state, then each run's step, latest losses, where it trains and how often it resumed.</summary>
public static class StatusTable
{
    public static void Render(IAnsiConsole console, SweepStatus status)
    {
        console.MarkupLine(
            $"[bold]{Markup.Escape(status.SweepId)}[/] ({status.Phase.ToString().ToLowerInvariant()}): {status.Runs.Count} runs, " +
            $"{status.Count(RunState.Completed)} completed, {status.Count(RunState.Running)} running, {status.Count(RunState.Pending)} pending, " +
            $"{status.Count(RunState.Paused)} paused, {status.Count(RunState.Failed) + status.Count(RunState.Diverged)} failed, " +
            $"{status.Count(RunState.Cancelled)} cancelled (max_concurrent {status.MaxConcurrent})");
        // Run ids are "<sweep id>.<hash>"; the sweep id is in the header line, so the table shows the hash.
        var table = new Table().AddColumns("run", "d", "state", "step", "train loss", "eval loss", "tokens/s", "silo", "resumes", "failures", "error");
        foreach (var r in status.Runs)
            table.AddRow(Markup.Escape(r.Spec.RunId[(status.SweepId.Length + 1)..]), $"{r.Spec.Model.DModel}", r.State.ToString(),
                $"{r.Step}/{r.Spec.Training.Steps}", Number(r.TrainLoss), Number(r.FinalEvalLoss),
                r.TokensPerSecond is { } t ? t.ToString("N0", CultureInfo.InvariantCulture) : "-", Markup.Escape(Endpoint(r.Silo)),
                $"{r.Resumes.Count}", $"{r.Failures}/{r.Spec.MaxFailures}", Markup.Escape(r.Error ?? ""));
        console.Write(table);
    }

    // A silo address is host:port@generation; people tell silos apart by host:port.
    private static string Endpoint(string? silo) => silo is null ? "-" : silo.Split('@')[0];

    private static string Number(double? value) => value?.ToString("F4", CultureInfo.InvariantCulture) ?? "-";
}
