using System.Security.Cryptography;
using System.Text;
using OrleansSweep.Compute.Corpora.Packaged;

namespace OrleansSweep.Compute.Tests.Corpora.Packaged;

public sealed class CorpusProvenanceTests
{
    [Fact]
    public void RecordRoundTripsAndVerifiesAgainstTheFiles()
    {
        using var folder = Fetched(out var provenance);

        var read = CorpusProvenance.Verify(folder.Path);

        Assert.Equal(provenance.Files, read.Files);
        Assert.Equal(provenance with { Files = read.Files }, read);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("first text\n"))), read.Files["a.txt"]);
    }

    [Fact]
    public void ChangedFileIsNamedInOneSentence()
    {
        using var folder = Fetched(out _);
        folder.Write("sub/b.txt", "second text, edited\n");

        var error = Assert.Throws<InvalidDataException>(() => CorpusProvenance.Verify(folder.Path));

        Assert.Contains("b.txt does not match its SHA-256", error.Message);
    }

    [Fact]
    public void UnlistedAndMissingFilesAreRefused()
    {
        using var folder = Fetched(out _);
        folder.Write("extra.txt", "not fetched");

        Assert.Contains("extra.txt is not listed", Assert.Throws<InvalidDataException>(() => CorpusProvenance.Verify(folder.Path)).Message);

        File.Delete(Path.Combine(folder.Path, "extra.txt"));
        File.Delete(Path.Combine(folder.Path, "a.txt"));
        Assert.Contains("a.txt is listed", Assert.Throws<InvalidDataException>(() => CorpusProvenance.Verify(folder.Path)).Message);

        File.Delete(Path.Combine(folder.Path, CorpusProvenance.FileName));
        Assert.Throws<FileNotFoundException>(() => CorpusProvenance.Verify(folder.Path));
    }

    private static TemporaryDirectory Fetched(out CorpusProvenance provenance)
    {
        var folder = new TemporaryDirectory();
        var files = new Dictionary<string, string>
        {
            ["a.txt"] = CorpusProvenance.Sha256Of(folder.Write("a.txt", "first text\n")),
            ["sub/b.txt"] = CorpusProvenance.Sha256Of(folder.Write("sub/b.txt", "second text\n")),
        };
        provenance = new CorpusProvenance("tiny", "npm tiny", "1.0.0", "npm pack tiny@1.0.0", "https://example.org/tiny.tgz",
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), files);
        provenance.Write(folder.Path);
        return folder;
    }
}
