using OrleansSweep.Client.Report.Figures;

namespace OrleansSweep.EndToEnd.Tests.Report;

public sealed class LogAxisTests
{
    [Theory]
    [InlineData(1, "1")]
    [InlineData(500, "500")]
    [InlineData(1000, "1k")]
    [InlineData(1500, "1.5k")]
    [InlineData(20_000, "20k")]
    [InlineData(2_500_000, "2.5M")]
    [InlineData(1e9, "1B")]
    [InlineData(0.05, "0.05")]
    public void Compact_numbers_read_as_written(double value, string expected) =>
        Assert.Equal(expected, CompactNumber.Format(value));

    [Fact]
    public void A_wide_span_labels_each_decade_at_its_logarithm()
    {
        var ticks = LogAxis.Ticks(Math.Log10(50), Math.Log10(20_000));

        var major = ticks.Where(t => t.IsMajor).ToDictionary(t => t.Label, t => t.Position);
        Assert.Equal(2, major["100"], 1e-12);
        Assert.Equal(3, major["1k"], 1e-12);
        Assert.Equal(4, major["10k"], 1e-12);
        Assert.All(major.Values, p => Assert.Equal(Math.Round(p), p, 1e-12));
        // Minor ticks at 2…9 times each decade, unlabelled: 2k sits at log10(2000).
        Assert.Contains(ticks, t => !t.IsMajor && Math.Abs(t.Position - Math.Log10(2000)) < 1e-12);
    }

    [Fact]
    public void A_narrow_span_also_labels_two_and_five_times_a_decade()
    {
        var major = LogAxis.Ticks(Math.Log10(100), Math.Log10(800)).Where(t => t.IsMajor).ToDictionary(t => t.Label, t => t.Position);

        Assert.Equal(Math.Log10(200), major["200"], 1e-12);
        Assert.Equal(Math.Log10(500), major["500"], 1e-12);
        Assert.DoesNotContain("300", major.Keys);
    }

    [Fact]
    public void Under_half_a_decade_every_multiple_is_labelled()
    {
        var major = LogAxis.Ticks(Math.Log10(1200), Math.Log10(2400)).Where(t => t.IsMajor).ToDictionary(t => t.Label, t => t.Position);

        foreach (var value in new[] { 1000, 2000, 3000, 4000 })
            Assert.Equal(Math.Log10(value), major[CompactNumber.Format(value)], 1e-12);
    }
}
