using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace OrleansSweep.Compute.Tests.Corpora.Packaged;

/// <summary>Writes R's XDR serialization by hand, following R's serialize.c, to build lazy-load databases for the reader's tests.</summary>
internal sealed class RXdrWriter
{
    private readonly MemoryStream _bytes = new();

    public RXdrWriter(int version = 2)
    {
        _bytes.Write("X\n"u8);
        Int(version);
        Int(0x040300); // written by R 4.3.0
        Int(0x020300); // readable from R 2.3.0
        if (version == 3)
        {
            Int(5);
            _bytes.Write("UTF-8"u8);
        }
    }

    public byte[] ToArray() => _bytes.ToArray();

    public RXdrWriter Int(int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, value);
        _bytes.Write(buffer);
        return this;
    }

    /// <summary>A CHARSXP (UTF-8 flagged), or NA_character_ for null.</summary>
    public RXdrWriter Char(string? value)
    {
        Int(9 | (1 << 3) << 12);
        if (value is null)
        {
            return Int(-1);
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        Int(bytes.Length);
        _bytes.Write(bytes);
        return this;
    }

    public RXdrWriter Strings(params string?[] values)
    {
        Int(16).Int(values.Length);
        foreach (var value in values) Char(value);
        return this;
    }

    public RXdrWriter Ints(params int[] values)
    {
        Int(13).Int(values.Length);
        foreach (var value in values) Int(value);
        return this;
    }

    /// <summary>A list header with a names attribute to follow: write the items, then <see cref="Names"/>.</summary>
    public RXdrWriter NamedListHeader(int length) => Int(19 | 1 << 9).Int(length);

    /// <summary>The attribute pairlist names = <paramref name="names"/>; the first "names" symbol is written, later ones referenced.</summary>
    public RXdrWriter Names(bool firstSymbol, params string[] names)
    {
        Int(2 | 1 << 10);
        if (firstSymbol) Int(1).Char("names");
        else Int(255 | 1 << 8); // reference #1: the first symbol written
        Strings(names);
        return Int(254);
    }

    public RXdrWriter Logical(int value) => Int(10).Int(1).Int(value);

    /// <summary>A lazy-load chunk: the serialization's length, big-endian, then its zlib stream.</summary>
    public static byte[] Chunk(byte[] serialized)
    {
        using var output = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, serialized.Length);
        output.Write(length);
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(serialized);
        }

        return output.ToArray();
    }
}
