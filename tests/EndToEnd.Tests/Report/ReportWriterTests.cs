using OrleansSweep.Client.Report;
using OrleansSweep.Client.Report.Data;
using OrleansSweep.Client.Report.Figures;
using SkiaSharp;

namespace OrleansSweep.EndToEnd.Tests.Report;

public sealed class ReportWriterTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Every_figure_is_a_png_of_the_requested_size_with_a_title_and_drawn_data()
    {
        var written = ReportWriter.Write(SyntheticSweep.Create(), folder.Path, 640, 400);

        var expected = ReportWriter.Figures.Select(f => f.FileName).Append(ReportWriter.SummaryFileName).Order().ToArray();
        Assert.Equal(expected, written.Select(Path.GetFileName).Order().ToArray());
        // Nothing else, no temporary file left behind.
        Assert.Equal(expected, Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order().ToArray());
        foreach (var figure in ReportWriter.Figures)
        {
            var png = PngImage.Read(folder.PathOf(figure.FileName));
            Assert.Equal((640, 400), (png.Width, png.Height));
            var drawn = png.Count(c => !PngImage.Near(c, png.Background, 8));
            Assert.True(drawn > 0.03 * png.Width * png.Height, $"{figure.FileName}: only {drawn} pixels differ from the background");
            // The title is text in the top band: dark pixels there mean a font was found and drew.
            var titleInk = png.Count(c => c.Red + c.Green + c.Blue < 300, top: 0, bottom: 30);
            Assert.True(titleInk > 40, $"{figure.FileName}: its title drew {titleInk} dark pixels");
        }
    }

    [Theory]
    [InlineData("eval_loss.png")]
    [InlineData("singular_entropy.png")]
    [InlineData("final_anisotropy.png")]
    [InlineData("anisotropy_by_layer.png")]
    [InlineData("w_error.png")]
    [InlineData("gradient_kept.png")]
    public void Each_run_is_drawn_as_a_line_in_its_own_colour(string file)
    {
        var data = SyntheticSweep.Create();
        ReportWriter.Write(data, folder.Path);

        var png = PngImage.Read(folder.PathOf(file));
        var colors = new RunColors(data.Runs);
        foreach (var run in data.Runs)
        {
            var color = colors.For(run);
            var target = new SKColor(color.R, color.G, color.B);
            // A legend swatch alone is a few dozen pixels; a drawn line across the plot is hundreds.
            var pixels = png.Count(c => PngImage.Near(c, target, 10));
            Assert.True(pixels > 200, $"{file}: {run.Label} has {pixels} pixels of its colour");
        }
    }

    [Fact]
    public void Runs_get_distinct_colours_graded_by_size()
    {
        var runs = SyntheticSweep.Create().Runs.Reverse().ToArray();
        var colors = new RunColors(runs);
        var bySize = runs.OrderBy(r => r.DModel).Select(r => colors.For(r)).ToArray();
        Assert.Equal(bySize.Length, bySize.Distinct().Count());
        // Viridis runs dark to light: the smallest run is the darkest.
        var luma = bySize.Select(c => 0.299 * c.R + 0.587 * c.G + 0.114 * c.B).ToArray();
        Assert.Equal(luma.Order().ToArray(), luma);
    }

    [Fact]
    public void Missing_parts_leave_their_figures_out_and_their_cells_empty()
    {
        var lossOnly = new RunReportData
        {
            RunId = "a", Label = "d=8", DModel = 8, Layers = 2, NonEmbeddingParameters = 1536, BestLoss = 4.1, FinalLoss = 4.2,
            EvalLoss = new LossSeries { Steps = [0, 100, 200], Values = [6.9, 4.1, 4.2] },
            // Only the untrained model was probed: no positive step to place on a log axis, but a last value to tabulate.
            SingularEntropy = new StepSeries { Steps = [0], Values = [3.25] },
        };
        var nothing = new RunReportData { RunId = "b", Label = "d=4", DModel = 4, Layers = 2 };
        var data = new SweepReportData { SweepId = "bare", Corpus = "repeat, V=64", Runs = [lossOnly, nothing] };
        File.WriteAllText(folder.PathOf("w_error.png"), "a stale figure from an earlier report");

        ReportWriter.Write(data, folder.Path);

        string[] expected = ["eval_loss.png", "scaling_law.png", ReportWriter.SummaryFileName];
        Assert.Equal(expected.Order(), Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
        var summary = File.ReadAllText(folder.PathOf(ReportWriter.SummaryFileName));
        Assert.Contains("](eval_loss.png)", summary);
        Assert.DoesNotContain("](singular_entropy.png)", summary);
        // Every figure left out is named with what it lacked; the two drawn are not.
        var notes = summary.Split('\n').Where(l => l.Contains("not drawn")).ToArray();
        Assert.Equal(ReportWriter.Figures.Count - 2, notes.Length);
        Assert.Contains(notes, n => n.Contains("(singular_entropy.png)") && n.Contains(StepSeriesFigure.SingularEntropy.Needs));
        Assert.DoesNotContain(notes, n => n.Contains("(eval_loss.png)") || n.Contains("(scaling_law.png)"));
        Assert.DoesNotContain("## Scaling-law fit", summary);
        Assert.DoesNotContain("## N-gram", summary);
        var table = new SummaryTable(summary);
        Assert.Equal("3.250", table.Cell("d=8", "singular entropy (nats)"));
        Assert.Equal(SummaryMarkdown.Missing, table.Cell("d=8", "gap to optimum (nats)"));
        Assert.Equal(SummaryMarkdown.Missing, table.Cell("d=4", "final (nats)"));
        Assert.Equal("no", table.Cell("d=4", "saturated"));
    }

    [Fact]
    public void A_sweep_without_runs_gets_only_its_summary()
    {
        ReportWriter.Write(new SweepReportData { SweepId = "empty", Corpus = "none" }, folder.Path);

        Assert.Equal([ReportWriter.SummaryFileName], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        var summary = File.ReadAllText(folder.PathOf(ReportWriter.SummaryFileName));
        foreach (var figure in ReportWriter.Figures)
        {
            Assert.DoesNotContain($"]({figure.FileName})", summary);
            Assert.Contains($"({figure.FileName}): not drawn, it needs {figure.Needs}.", summary);
        }
    }

    [Fact]
    public void Misaligned_series_are_refused_before_anything_is_written()
    {
        var data = SyntheticSweep.Create();
        var broken = data.Runs[1] with { GradientKept = new StepSeries { Steps = [10, 20, 30], Values = [0.1, 0.2] } };
        var output = folder.PathOf("out");

        var error = Assert.Throws<ArgumentException>(() => ReportWriter.Write(data with { Runs = [data.Runs[0], broken] }, output));

        Assert.Contains(broken.RunId, error.Message);
        Assert.Contains("gradient_kept", error.Message);
        Assert.False(Directory.Exists(output));
    }
}
