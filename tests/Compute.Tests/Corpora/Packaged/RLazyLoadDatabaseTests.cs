using System.IO.Compression;
using OrleansSweep.Compute.Corpora.Packaged;

namespace OrleansSweep.Compute.Tests.Corpora.Packaged;

public sealed class RLazyLoadDatabaseTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void CharacterVectorsComeBackByNameInIndexOrder(int version)
    {
        using var folder = new TemporaryDirectory();
        var emma = new RXdrWriter(version).Strings("EMMA", "", "By Jane Austen", "Émile’s “quote”", null).ToArray();
        var numbers = new RXdrWriter(version).Ints(1, 2, 3).ToArray();
        var persuasion = new RXdrWriter(version).Strings("Persuasion").ToArray();
        var rdb = new List<byte>();
        var entries = new List<(string Name, int Offset, int Length)>();
        foreach (var (name, serialized) in new[] { ("emma", emma), ("numbers", numbers), ("persuasion", persuasion) })
        {
            var chunk = RXdrWriter.Chunk(serialized);
            entries.Add((name, rdb.Count, chunk.Length));
            rdb.AddRange(chunk);
        }

        WriteDatabase(folder.Path, rdb.ToArray(), entries, compressedFlag: 1);

        var vectors = RLazyLoadDatabase.ReadCharacterVectors(Path.Combine(folder.Path, "Rdata.rdx"));

        Assert.Equal(["emma", "persuasion"], vectors.Select(v => v.Key));
        Assert.Equal(["EMMA", "", "By Jane Austen", "Émile’s “quote”", null], vectors[0].Value);
        Assert.Equal(["Persuasion"], vectors[1].Value);
    }

    [Fact]
    public void XzCompressedDatabaseIsRefusedInOneSentence()
    {
        using var folder = new TemporaryDirectory();
        WriteDatabase(folder.Path, [], [], compressedFlag: 3);

        var error = Assert.Throws<InvalidDataException>(() => RLazyLoadDatabase.ReadCharacterVectors(Path.Combine(folder.Path, "Rdata.rdx")));

        Assert.Contains("only zlib", error.Message);
    }

    [Fact]
    public void StreamThatIsNotXdrIsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => RSerializationReader.Read(new MemoryStream("A\n\0\0\0\u0002"u8.ToArray())));

        Assert.Contains("XDR", error.Message);
    }

    // The index: list(variables = list(name = c(offset, length), …), references = list(), compressed = flag), gzip-compressed.
    private static void WriteDatabase(string folder, byte[] rdb, List<(string Name, int Offset, int Length)> entries, int compressedFlag)
    {
        var index = new RXdrWriter().NamedListHeader(3).NamedListHeader(entries.Count);
        foreach (var entry in entries) index.Ints(entry.Offset, entry.Length);
        index.Names(firstSymbol: true, entries.Select(e => e.Name).ToArray());
        index.Int(19).Int(0);
        if (compressedFlag == 1) index.Logical(1);
        else index.Int(14).Int(1).Int(0x40080000).Int(0); // 3.0 as an XDR double
        index.Names(firstSymbol: false, "variables", "references", "compressed");

        File.WriteAllBytes(Path.Combine(folder, "Rdata.rdb"), rdb);
        using var file = File.Create(Path.Combine(folder, "Rdata.rdx"));
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(index.ToArray());
    }
}
