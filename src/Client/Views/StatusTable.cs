using System.Globalization;

namespace OrleansSweep.Client.Views;

/// <summary>
/// A sweep's progress for people: its runs counted by state, then one page of runs with their step, latest losses, where they
/// train and how often they resumed.
/// </summary>
public static class StatusTable
{
    public static void Render(IAnsiConsole console, SweepStatus status)
    {
        console.MarkupLine($"[bold]{Markup.Escape(status.SweepId)}[/] ({status.Phase.ToString().ToLowerInvariant()}): " +
                           $"{Counts(status.Counts)}; {Whole(status.Planned)} planned (max_concurrent {status.MaxConcurrent})");
        // Run ids are "<sweep id>.<hash>"; the sweep id is in the header line, so the table shows the hash.
        var table = new Table().AddColumns("run", "d", "state", "step", "train loss", "eval loss", "tokens/s", "silo", "resumes", "failures", "error");
        foreach (var r in status.Runs)
            table.AddRow(Markup.Escape(r.Spec.RunId[(status.SweepId.Length + 1)..]), $"{r.Spec.Model.DModel}", State(r),
                $"{r.Step}/{r.Spec.Training.Steps}", Number(r.TrainLoss), Number(r.FinalEvalLoss),
                r.TokensPerSecond is { } t ? t.ToString("N0", CultureInfo.InvariantCulture) : "-", Markup.Escape(Endpoint(r.Silo)),
                $"{r.Resumes.Count}", $"{r.Failures}/{r.Spec.MaxFailures}", Markup.Escape(r.Error ?? ""));
        console.Write(table);
        console.MarkupLine(PageLine(status));
    }

    /// <summary>"12 completed, 2 running, 36 pending": every state with a run in it, in <see cref="RunState"/> order; "no runs" when none.</summary>
    public static string Counts(RunCounts counts)
    {
        var parts = Enum.GetValues<RunState>().Where(s => counts.Of(s) > 0).Select(s => $"{Whole(counts.Of(s))} {Name(s)}").ToList();
        return parts.Count == 0 ? "no runs" : string.Join(", ", parts);
    }

    /// <summary>A state as the CLI and the JSON spell it: running, stopped.</summary>
    public static string Name(RunState state) => state.ToString().ToLowerInvariant();

    // "page 2 of 40 (1,950 matching)", "page 1 of 3 (120 running)": which slice of how many this is, and how to get another.
    private static string PageLine(SweepStatus status)
    {
        var pages = Math.Max(1, (int)Math.Ceiling(status.Matching / (double)Math.Max(1, status.PageSize)));
        var matching = status.StateFilter is { } state ? Name(state) : "matching";
        var more = pages > 1 ? "; --page N for another" : "";
        return $"page {Whole(status.Page)} of {Whole(pages)} ({Whole(status.Matching)} {matching}){more}";
    }

    private static string State(RunSummary run) => run.State == RunState.Stopped && run.StoppedAtStep is { } rung
        ? $"stopped at {rung}"
        : Name(run.State);

    // A silo address is host:port@generation; people tell silos apart by host:port.
    private static string Endpoint(string? silo) => silo is null ? "-" : silo.Split('@')[0];

    /// <summary>1,950: a count as people read it, the same in every culture.</summary>
    public static string Whole(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("F4", CultureInfo.InvariantCulture) ?? "-";
}
