using OrleansSweep.Client.Report.Figures;
using ScottPlot;

namespace OrleansSweep.EndToEnd.Tests.Report;

public sealed class EmbeddedFontResolverTests
{
    [Fact]
    public void Serves_the_embedded_regular_and_bold_faces_and_nothing_else()
    {
        var resolver = new EmbeddedFontResolver();

        using var regular = resolver.CreateTypeface(EmbeddedFontResolver.Family, bold: false, italic: false);
        using var bold = resolver.CreateTypeface(EmbeddedFontResolver.Family, FontWeight.Bold, FontSlant.Upright, FontSpacing.Normal);

        Assert.NotNull(regular);
        Assert.NotNull(bold);
        Assert.Equal(EmbeddedFontResolver.Family, regular.FamilyName);
        Assert.True(bold.FontWeight > regular.FontWeight);
        // The faces carry real glyphs, not a fallback that draws nothing.
        Assert.All("Eval loss (nats/token) 0.6", ch => Assert.NotEqual((ushort)0, regular.GetGlyph(ch)));
        Assert.Null(resolver.CreateTypeface("Comic Sans MS", bold: false, italic: false));
    }
}
