using System.Globalization;
using System.Text.RegularExpressions;
using OrleansSweep.Client.Report;
using OrleansSweep.Client.Report.Figures;

namespace OrleansSweep.EndToEnd.Tests.Report;

public sealed class SummaryMarkdownTests
{
    private static double Parse(string cell) => double.Parse(cell, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [Fact]
    public void Each_run_has_a_row_with_its_own_numbers()
    {
        var data = SyntheticSweep.Create();
        var table = new SummaryTable(SummaryMarkdown.Render(data, ReportWriter.Figures, []));

        Assert.Equal(data.Runs.Length, table.RowCount);
        foreach (var run in data.Runs)
        {
            string Cell(string column) => table.Cell(run.Label, column);
            Assert.Equal(run.NonEmbeddingParameters, (long)Parse(Cell("N")));
            Assert.Equal(run.BestLoss!.Value, Parse(Cell("best (nats)")), 5e-5);
            Assert.Equal(run.FinalLoss!.Value, Parse(Cell("final (nats)")), 5e-5);
            Assert.Equal(run.FinalLoss!.Value - SyntheticSweep.Optimum, Parse(Cell("gap to optimum (nats)")), 5e-5);
            Assert.EndsWith(" %", Cell("gap to fit"));
            Assert.Equal(100 * run.GapToFit!.Value, Parse(Cell("gap to fit")[..^2]), 5e-3);
            Assert.Equal(run.Saturated ? $"yes (step {run.SaturationStep})" : "no", Cell("saturated"));
            Assert.Equal(run.SpectrumCollapseStep?.ToString(CultureInfo.InvariantCulture) ?? SummaryMarkdown.Missing, Cell("collapse step"));
            Assert.Equal(run.AnisotropyStep?.ToString(CultureInfo.InvariantCulture) ?? SummaryMarkdown.Missing, Cell("anisotropy step"));
            Assert.Equal(run.SingularEntropy.Values[^1], Parse(Cell("singular entropy (nats)")), 5e-4);
            Assert.Equal(run.FinalLayerAnisotropy.Values[^1], Parse(Cell("anisotropy")), 5e-4);
            Assert.Equal(run.GradientKept.Values[^1], Parse(Cell("gradient kept")), 5e-4);
        }
    }

    [Fact]
    public void The_fit_the_ngram_ranks_and_the_figures_are_listed()
    {
        var data = SyntheticSweep.Create();
        var markdown = SummaryMarkdown.Render(data, ReportWriter.Figures, []);

        var fit = Regex.Match(markdown, @"E = (\S+) nats, A = (\S+), α = (\S+), fitted on (.+)\.");
        Assert.True(fit.Success, markdown);
        Assert.Equal(data.Fit!.E, Parse(fit.Groups[1].Value), 5e-5);
        Assert.Equal(data.Fit.A, Parse(fit.Groups[2].Value), 1e-3 * data.Fit.A);
        Assert.Equal(data.Fit.Alpha, Parse(fit.Groups[3].Value), 5e-5);
        var fittedLabels = data.Runs.Where(r => data.Fit.FittedRunIds.Contains(r.RunId)).Select(r => r.Label);
        Assert.Equal(fittedLabels, fit.Groups[4].Value.Split(", "));
        Assert.Contains($"order: n = {data.Ngram!.Order}", markdown);
        foreach (var (tau, rank) in data.Ngram.RanksAtThreshold)
            Assert.Contains($"| {tau.ToString(CultureInfo.InvariantCulture)} | {rank} |", markdown);
        foreach (var figure in ReportWriter.Figures) Assert.Contains($"]({figure.FileName})", markdown);
        Assert.DoesNotContain("not drawn", markdown);
    }

    [Fact]
    public void A_figure_left_out_gets_a_note_saying_what_it_needs_and_no_link()
    {
        var data = SyntheticSweep.Create();
        var drawn = ReportWriter.Figures.Where(f => f is not WErrorFigure).ToArray();
        var skipped = ReportWriter.Figures.OfType<WErrorFigure>().ToArray();

        var markdown = SummaryMarkdown.Render(data, drawn, skipped);

        Assert.DoesNotContain($"]({skipped[0].FileName})", markdown);
        Assert.Contains($"- {skipped[0].Caption} ({skipped[0].FileName}): not drawn, it needs {skipped[0].Needs}.", markdown);
        foreach (var figure in drawn) Assert.Contains($"]({figure.FileName})", markdown);
    }

    [Fact]
    public void A_pipe_in_a_label_does_not_break_the_table()
    {
        var data = SyntheticSweep.Create();
        var run = data.Runs[0] with { Label = "d=16|r=8" };
        var table = new SummaryTable(SummaryMarkdown.Render(data with { Runs = [run] }, [], []));

        Assert.Equal(1, table.RowCount);
        Assert.Equal(run.NonEmbeddingParameters, (long)Parse(table.Cell("d=16\\|r=8", "N")));
    }
}
