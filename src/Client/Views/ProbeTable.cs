using System.Globalization;
using OrleansSweep.Compute.External;

namespace OrleansSweep.Client.Views;

/// <summary>A checkpoint's probe report as tables for people; the full spectrum and W-error curve are in --json.</summary>
public static class ProbeTable
{
    private static readonly int[] RatioIndices = [2, 5, 10, 50, 100];
    private static readonly int[] ErrorRanks = [1, 10, 50, 100, 200, 500];

    public static void Render(IAnsiConsole console, CheckpointProbeReport report)
    {
        console.MarkupLineInterpolated(
            $"[bold]{report.Path}[/] ({report.Format}): V = {report.VocabularySize}, d = {report.DModel}, L = {report.Layers}, T = {report.ContextLength}");
        RenderHead(console, report);
        if (report.Anisotropy is { } anisotropy)
        {
            var table = new Table().AddColumns("layer", "anisotropy");
            table.Columns[1].RightAligned();
            for (var l = 0; l < anisotropy.PerLayer.Count; l++) table.AddRow(l == 0 ? "0 (embedding)" : $"{l}", Number(anisotropy.PerLayer[l]));
            table.AddRow("final LayerNorm", Number(anisotropy.Final));
            table.Caption($"mean pairwise cosine over {anisotropy.Positions} positions");
            console.Write(table);
        }
        if (report.GradientBottleneck is { } bottleneck)
        {
            var table = new Table().AddColumns("kept ‖QQᵀg‖/‖g‖", "suppressed", "energy kept", "random direction √(d/V)");
            foreach (var c in table.Columns) c.RightAligned();
            table.AddRow(Number(bottleneck.Kept), Number(bottleneck.Suppressed), Number(bottleneck.EnergyKept),
                Number(Math.Sqrt((double)report.DModel / report.VocabularySize)));
            table.Caption($"logit gradient g = softmax(z) − onehot(y), means over {bottleneck.Positions} positions");
            console.Write(table);
        }
        else console.MarkupLine("Anisotropy and the gradient bottleneck need --tokens.");
    }

    private static void RenderHead(IAnsiConsole console, CheckpointProbeReport report)
    {
        var head = report.Head;
        var k = head.Singular.Length;
        var table = new Table().AddColumns("head W", "value");
        table.Columns[1].RightAligned();
        table.AddRow("σ_1", Number(head.Singular[0]));
        foreach (var i in RatioIndices.Where(i => i <= head.TopRatios.Length)) table.AddRow($"σ_{i}/σ_1", Number(head.TopRatios[i - 1]));
        table.AddRow("singular entropy (nats)", $"{Number(head.SingularEntropy)} of ln k = {Number(Math.Log(k))}");
        foreach (var r in ErrorRanks.Where(r => r < k)) table.AddRow($"W-error({r})", Number(head.WError[r]));
        foreach (var rank in report.Ranks) table.AddRow($"rank at W-error ≤ {rank.Tolerance.ToString(CultureInfo.InvariantCulture)}", $"{rank.Rank}");
        console.Write(table);
    }

    private static string Number(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
