using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace OrleansSweep.Client.Report.Figures;

/// <summary>
/// Serves the DejaVu Sans faces embedded in this assembly to ScottPlot. SkiaSharp's Linux native build draws no text at all
/// on a machine without system fonts, and system fonts differ between machines; the embedded faces make every figure readable
/// and the same everywhere.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    /// <summary>The family name figures ask for.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<byte[]> Regular = new(() => Read("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> Bold = new(() => Read("DejaVuSans-Bold.ttf"));

    // ScottPlot asks its resolvers in order and its system resolver answers every name (with a fallback face), so this one goes first.
    private static readonly Lazy<bool> Registration = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
        return true;
    });

    /// <summary>Puts this resolver ahead of ScottPlot's own, once per process.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    /// <summary>The embedded face for <see cref="Family"/>, bold or regular; null for any other family.</summary>
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase)
            ? SKTypeface.FromData(SKData.CreateCopy((bold ? Bold : Regular).Value))
            : null;

    /// <summary>The embedded face for <see cref="Family"/>, bold from semi-bold up; null for any other family.</summary>
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    private static byte[] Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"OrleansSweep.Client.Report.Fonts.{file}")
            ?? throw new InvalidOperationException($"the font resource {file} is missing from the client assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
