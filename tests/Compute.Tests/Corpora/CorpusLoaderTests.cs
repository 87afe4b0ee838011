using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Tokenizers;

namespace OrleansSweep.Compute.Tests.Corpora;

public sealed class CorpusLoaderTests
{
    [Fact]
    public void MarkovCorpusHasTheRequestedSplitsAndTheExactOptimalLoss()
    {
        var parameters = new LowRankMarkovParameters(VocabularySize: 64, Rank: 8, Seed: 6);

        var corpus = CorpusLoader.FromLowRankMarkov(parameters, trainTokens: 5_000, heldOutTokens: 1_000);
        var again = CorpusLoader.FromLowRankMarkov(parameters, trainTokens: 5_000, heldOutTokens: 1_000);

        Assert.Equal(64, corpus.VocabularySize);
        Assert.Equal(5_000, corpus.Train.Length);
        Assert.Equal(1_000, corpus.HeldOut.Length);
        Assert.Equal(LowRankMarkovLanguage.Create(parameters).EntropyRate, corpus.OptimalLoss);
        Assert.Equal(corpus.Train, again.Train);
        Assert.Equal(corpus.HeldOut, again.HeldOut);
        // Independent streams: the held-out one is not the start of the training one.
        Assert.NotEqual(corpus.HeldOut, corpus.Train.Take(1_000));
    }

    [Fact]
    public void TextFolderLoadsInPathOrderWithEndOfTextBetweenDocuments()
    {
        using var folder = new TemporaryDirectory();
        // Written out of order: loading must sort by relative path, not by creation or directory order.
        folder.Write("sub/c.txt", "Third document, in a sub-folder.");
        folder.Write("b.txt", "Second: «unicode» and punctuation!");
        folder.Write("a.txt", "First document. Hello world");
        folder.Write("notes.md", "Not a text file of the corpus.");
        var tokenizer = new Gpt2Tokenizer();

        var corpus = CorpusLoader.FromText(folder.Path, tokenizer, heldOutFraction: 0.25);
        var again = CorpusLoader.FromText(folder.Path, tokenizer, heldOutFraction: 0.25);

        int[] expected =
        [
            .. tokenizer.Encode("First document. Hello world"), Gpt2Tokenizer.EndOfTextId,
            .. tokenizer.Encode("Second: «unicode» and punctuation!"), Gpt2Tokenizer.EndOfTextId,
            .. tokenizer.Encode("Third document, in a sub-folder."),
        ];
        Assert.Equal(expected, WholeStream(corpus));
        Assert.Equal((int)Math.Round(expected.Length * 0.25, MidpointRounding.AwayFromZero), corpus.HeldOut.Length);
        Assert.Equal(corpus.Train, again.Train);
        Assert.Equal(corpus.HeldOut, again.HeldOut);
        Assert.Equal(50_257, corpus.VocabularySize);
        Assert.Null(corpus.OptimalLoss);
    }

    [Fact]
    public void TokenizerWithoutEndOfTextConcatenatesDocuments()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("2.txt", "world");
        folder.Write("1.txt", "hello ");

        var corpus = CorpusLoader.FromText(folder.Path, new ByteTokenizer(), heldOutFraction: 0.5);

        Assert.Equal("hello world"u8.ToArray().Select(b => (int)b), WholeStream(corpus));
        Assert.Equal(256, corpus.VocabularySize);
    }

    [Fact]
    public void SingleFileLoadsWithoutSeparator()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Write("only.txt", "Just one file of text.");
        var tokenizer = new Gpt2Tokenizer();

        var corpus = CorpusLoader.FromText(file, tokenizer, heldOutFraction: 0.3);

        Assert.Equal(tokenizer.Encode("Just one file of text."), WholeStream(corpus));
    }

    [Fact]
    public void MissingPathIsNamedInTheError()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.PathOf("missing");

        var error = Assert.Throws<FileNotFoundException>(() => CorpusLoader.FromText(path, new ByteTokenizer()));

        Assert.Contains($"'{path}'", error.Message);
    }

    [Fact]
    public void FolderWithoutTextFilesIsNamedInTheError()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("data.csv", "a,b");

        var error = Assert.Throws<FileNotFoundException>(() => CorpusLoader.FromText(folder.Path, new ByteTokenizer()));

        Assert.Contains($"'{folder.Path}'", error.Message);
        Assert.Contains(".txt", error.Message);
    }

    [Fact]
    public void CorpusTooSmallToSplitIsRejected()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Write("tiny.txt", "abcdefghij");

        var error = Assert.Throws<InvalidDataException>(() => CorpusLoader.FromText(file, new ByteTokenizer(), heldOutFraction: 0.1));

        Assert.Contains($"'{file}'", error.Message);
        Assert.Contains("10", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void HeldOutFractionOutsideTheOpenUnitIntervalIsRejected(double fraction)
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Write("text.txt", "plenty of bytes to split either way");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CorpusLoader.FromText(file, new ByteTokenizer(), fraction));

        Assert.Equal("heldOutFraction", error.ParamName);
    }

    private static int[] WholeStream(TokenCorpus corpus) => [.. corpus.Train, .. corpus.HeldOut];
}
