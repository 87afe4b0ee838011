namespace OrleansSweep.Client.Views;

/// <summary>Every sweep on the cluster for people: its phase, how far it got, and its runs counted by state.</summary>
public static class SweepListTable
{
    public static void Render(IAnsiConsole console, IReadOnlyList<SweepListing> sweeps)
    {
        if (sweeps.Count == 0)
        {
            console.MarkupLine("No sweep has been launched on this cluster; `launch spec.yaml` starts one.");
            return;
        }
        var table = new Table().AddColumns("sweep", "phase", "finished", "runs");
        foreach (var s in sweeps)
            table.AddRow(Markup.Escape(s.SweepId), s.Phase.ToString().ToLowerInvariant(),
                $"{StatusTable.Whole(s.Counts.Finished)}/{StatusTable.Whole(s.Planned)}", StatusTable.Counts(s.Counts));
        console.Write(table);
    }
}
