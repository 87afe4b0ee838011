using System.Buffers.Binary;
using System.Text;

namespace OrleansSweep.Compute.Corpora.Packaged;

/// <summary>
/// Reads R's XDR serialization (the format inside .rds files and lazy-load databases, versions 2 and 3) far enough for data
/// packages: vectors, lists, pairlists, symbols, attributes and references; closures, environments and byte code are refused.
/// </summary>
public sealed class RSerializationReader
{
    // SEXP types and the serialization's pseudo-types (R's serialize.c).
    private const int Symbol = 1, PairList = 2, Closure = 3, Environment = 4, Promise = 5, Language = 6, Char = 9, Logical = 10;
    private const int Integer = 13, Real = 14, Complex = 15, Dots = 17, List = 19, Expression = 20, Raw = 24, S4 = 25;
    private const int AltRep = 238, EmptyEnvironment = 242, BaseEnvironment = 241, Reference = 255, Nil = 254;
    private const int GlobalEnvironment = 253, UnboundValue = 252, MissingArgument = 251, BaseNamespace = 250;
    private const int Latin1Mask = 1 << 2;

    private readonly Stream stream;
    private readonly List<RSerializedValue?> references = [];

    private RSerializationReader(Stream stream) => this.stream = stream;

    /// <summary>Reads one serialized object (after its "X\n" header) from <paramref name="stream"/>.</summary>
    public static RSerializedValue? Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new RSerializationReader(stream);
        var format = reader.ReadBytes(2);
        if (format[0] != (byte)'X' || format[1] != (byte)'\n')
            throw new InvalidDataException("not R's XDR serialization (it starts with neither 'X\\n').");
        var version = reader.ReadInt();
        reader.ReadInt(); // the writing R's version
        reader.ReadInt(); // the oldest R that can read it
        if (version == 3)
            reader.ReadBytes(reader.ReadInt()); // the writer's native encoding
        else if (version != 2)
            throw new InvalidDataException($"R serialization version {version} is not supported; versions 2 and 3 are.");
        return reader.ReadItem();
    }

    private RSerializedValue? ReadItem() => ReadItem(ReadInt());

    private RSerializedValue? ReadItem(int flags)
    {
        var type = flags & 0xFF;
        var hasAttributes = (flags & (1 << 9)) != 0;
        var hasTag = (flags & (1 << 10)) != 0;
        switch (type)
        {
            case Nil or EmptyEnvironment or BaseEnvironment or GlobalEnvironment or UnboundValue or MissingArgument or BaseNamespace:
                return null;
            case Reference:
                var index = flags >> 8;
                return references[(index == 0 ? ReadInt() : index) - 1];
            case Symbol:
                var name = ReadItem()?.Data as string;
                var symbol = new RSerializedValue(Symbol, name, null);
                references.Add(symbol);
                return symbol;
            case PairList or Language or Closure or Promise or Dots:
                return ReadPairList(type, hasAttributes, hasTag);
            case Char:
                return new RSerializedValue(Char, ReadCharacters(flags), null);
            case AltRep:
                throw new InvalidDataException("the object is stored in R's ALTREP form, which this reader does not expand.");
            case Environment:
                throw new InvalidDataException("the object holds an R environment, which this reader does not support.");
        }

        object data = type switch
        {
            Logical or Integer => ReadInts(ReadLength()),
            Real => ReadDoubles(ReadLength()),
            Complex => ReadDoubles(2 * ReadLength()),
            RSerializedValue.CharacterVector => ReadStrings(ReadLength()),
            List or Expression => ReadItems(ReadLength()),
            Raw => ReadBytes(ReadLength()),
            S4 => Array.Empty<RSerializedValue?>(),
            _ => throw new InvalidDataException($"R object type {type} is not supported by this reader."),
        };
        var names = hasAttributes ? NamesOf(ReadItem()) : null;
        return new RSerializedValue(type, data, names);
    }

    // A pairlist is a chain of (attributes, tag, car) nodes ending in NULL; read iteratively so long chains do not recurse.
    private RSerializedValue ReadPairList(int type, bool hasAttributes, bool hasTag)
    {
        var values = new List<RSerializedValue?>();
        var tags = new List<string?>();
        while (true)
        {
            if (hasAttributes) ReadItem();
            tags.Add(hasTag ? ReadItem()?.Data as string : null);
            values.Add(ReadItem());
            var flags = ReadInt();
            var next = flags & 0xFF;
            if (next == Nil) break;
            if (next != PairList)
            {
                // A dotted pair's tail: keep it as a last untagged element.
                values.Add(ReadItem(flags));
                tags.Add(null);
                break;
            }

            hasAttributes = (flags & (1 << 9)) != 0;
            hasTag = (flags & (1 << 10)) != 0;
        }

        return new RSerializedValue(type, values.ToArray(), tags.ToArray());
    }

    private static string?[]? NamesOf(RSerializedValue? attributes) =>
        attributes?.Element("names")?.Data as string?[];

    private string? ReadCharacters(int flags)
    {
        var length = ReadInt();
        if (length == -1) return null; // NA_character_
        var bytes = ReadBytes(length);
        return (flags >> 12 & Latin1Mask) != 0 ? Encoding.Latin1.GetString(bytes) : Encoding.UTF8.GetString(bytes);
    }

    private string?[] ReadStrings(int length)
    {
        var strings = new string?[length];
        for (var i = 0; i < length; i++)
        {
            var item = ReadItem();
            strings[i] = item?.Data as string;
        }

        return strings;
    }

    private RSerializedValue?[] ReadItems(int length)
    {
        var items = new RSerializedValue?[length];
        for (var i = 0; i < length; i++) items[i] = ReadItem();
        return items;
    }

    private int[] ReadInts(int length)
    {
        var values = new int[length];
        for (var i = 0; i < length; i++) values[i] = ReadInt();
        return values;
    }

    private double[] ReadDoubles(int length)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++) values[i] = BinaryPrimitives.ReadDoubleBigEndian(ReadBytes(8));
        return values;
    }

    private int ReadLength()
    {
        var length = ReadInt();
        if (length != -1) return length;
        // Long vectors: the length follows as two 32-bit halves.
        var high = (long)ReadInt();
        var low = (uint)ReadInt();
        var full = high << 32 | low;
        return full <= Array.MaxLength ? (int)full : throw new InvalidDataException($"an R vector of {full} elements is too long to read.");
    }

    private int ReadInt() => BinaryPrimitives.ReadInt32BigEndian(ReadBytes(4));

    private byte[] ReadBytes(int count)
    {
        var bytes = new byte[count];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
