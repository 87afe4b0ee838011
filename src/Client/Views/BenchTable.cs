using System.Globalization;

namespace OrleansSweep.Client.Views;

/// <summary>The table of <c>bench train</c>: the GEMM peak, then per config its size, throughput and MFU.</summary>
public static class BenchTable
{
    public static void Render(IAnsiConsole console, BenchTrainReport report)
    {
        var peak = report.GemmPeak;
        console.MarkupLineInterpolated(
            $"GEMM peak: {peak.Size}² float32 matmul, {Number(peak.FlopsPerSecond / 1e9, "N1")} GFLOP/s (median of {peak.Repeats}) on {report.Device}, {report.Threads} threads");
        var table = new Table()
            .AddColumn("config")
            .AddColumn("params", c => c.RightAligned())
            .AddColumn("tokens/s", c => c.RightAligned())
            .AddColumn("ms/step", c => c.RightAligned())
            .AddColumn("GFLOP/s", c => c.RightAligned())
            .AddColumn("MFU %", c => c.RightAligned());
        foreach (var run in report.Runs)
            table.AddRow(
                Markup.Escape(Describe(run.VocabularySize, run.ContextLength, run.DModel, run.Layers, run.BatchSize)),
                Compact(run.Parameters),
                Number(run.TokensPerSecond, "N0"),
                Number(run.SecondsPerStep * 1e3, "N1"),
                Number(run.FlopsPerSecond / 1e9, "N2"),
                Number(run.Mfu * 100, "N1"));
        table.Caption($"{report.TimedSteps} timed steps after {report.WarmupSteps} warmup; FLOPs/token = 6·N + 12·L·T·d");
        console.Write(table);
    }

    /// <summary>One config as the table and the progress line name it.</summary>
    public static string Describe(int vocabularySize, int contextLength, int dModel, int layers, int batchSize) =>
        $"V={vocabularySize} T={contextLength} d={dModel} L={layers} B={batchSize}";

    // 13.3M rather than 13,278,976, so the table fits an 80-column terminal.
    private static string Compact(long count) => count switch
    {
        >= 1_000_000 => Number(count / 1e6, "N1") + "M",
        >= 1_000 => Number(count / 1e3, "N1") + "k",
        _ => Number(count, "N0"),
    };

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
