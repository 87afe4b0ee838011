using System.Buffers.Binary;
using System.IO.Compression;

namespace OrleansSweep.Compute.Corpora.Packaged;

/// <summary>
/// An installed R package's lazy-load database (`data/Rdata.rdx` + `Rdata.rdb`): the .rdx is a gzip-compressed serialized
/// index whose "variables" map each object's name to (offset, length) in the .rdb, where each object is a 4-byte big-endian
/// length followed by its zlib-compressed serialization.
/// </summary>
public static class RLazyLoadDatabase
{
    /// <summary>The character vectors stored in the database whose index is <paramref name="indexPath"/>, by name, in index order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?[]>> ReadCharacterVectors(string indexPath)
    {
        ArgumentNullException.ThrowIfNull(indexPath);
        var dataPath = Path.ChangeExtension(indexPath, ".rdb");
        RSerializedValue index;
        using (var file = File.OpenRead(indexPath))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            index = RSerializationReader.Read(gzip) ?? throw new InvalidDataException($"{indexPath} holds no lazy-load index.");
        }

        // compressed = TRUE means zlib; 2 and 3 (bzip2, xz) have no reader in .NET.
        if (index.Element("compressed") is not { Type: 10, Data: int[] { Length: 1 } flag } || flag[0] != 1)
            throw new InvalidDataException($"{dataPath} is not zlib-compressed; only zlib lazy-load databases can be read.");
        if (index.Element("variables") is not { Data: RSerializedValue?[] variables, Names: { } names })
            throw new InvalidDataException($"{indexPath} has no 'variables' index.");

        var data = File.ReadAllBytes(dataPath);
        var vectors = new List<KeyValuePair<string, string?[]>>();
        for (var i = 0; i < variables.Length; i++)
        {
            if (variables[i]?.Data is not int[] { Length: 2 } entry)
                throw new InvalidDataException($"{indexPath}: the entry of '{names[i]}' is not an (offset, length) pair.");
            if (Read(data.AsSpan(entry[0], entry[1]).ToArray()) is { Type: RSerializedValue.CharacterVector, Data: string?[] strings })
                vectors.Add(new(names[i] ?? "", strings));
        }

        return vectors;
    }

    private static RSerializedValue? Read(byte[] chunk)
    {
        var expected = BinaryPrimitives.ReadInt32BigEndian(chunk);
        using var zlib = new ZLibStream(new MemoryStream(chunk, 4, chunk.Length - 4), CompressionMode.Decompress);
        var serialized = new byte[expected];
        zlib.ReadExactly(serialized);
        return RSerializationReader.Read(new MemoryStream(serialized));
    }
}
