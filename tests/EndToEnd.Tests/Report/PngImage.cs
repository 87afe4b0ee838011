using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace OrleansSweep.EndToEnd.Tests.Report;

/// <summary>A PNG read back as a test sees it: the header's own size fields, then the decoded pixels.</summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly SKColor[] pixels;

    private PngImage(int width, int height, SKColor[] pixels) => (Width, Height, this.pixels) = (width, height, pixels);

    public int Width { get; }
    public int Height { get; }

    /// <summary>Checks the signature and the IHDR chunk by hand, then decodes the pixels with Skia.</summary>
    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path} is too short to be a PNG");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(bytes, 12, 4));
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        return new PngImage(width, height, bitmap.Pixels);
    }

    /// <summary>The top-left pixel: the figure's background.</summary>
    public SKColor Background => pixels[0];

    /// <summary>Pixels in rows [<paramref name="top"/>, <paramref name="bottom"/>) that satisfy <paramref name="match"/>.</summary>
    public int Count(Func<SKColor, bool> match, int top = 0, int? bottom = null) =>
        pixels.Skip(top * Width).Take(((bottom ?? Height) - top) * Width).Count(match);

    /// <summary>Whether two colours differ by at most <paramref name="tolerance"/> in every channel.</summary>
    public static bool Near(SKColor a, SKColor b, int tolerance) =>
        Math.Abs(a.Red - b.Red) <= tolerance && Math.Abs(a.Green - b.Green) <= tolerance && Math.Abs(a.Blue - b.Blue) <= tolerance;
}
