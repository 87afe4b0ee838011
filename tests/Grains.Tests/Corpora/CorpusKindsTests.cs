using OrleansSweep.Grains.Corpora;

namespace OrleansSweep.Grains.Tests.Corpora;

public sealed class CorpusKindsTests : IDisposable
{
    private readonly TemporaryDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public void RegistryListsExactlyTheFourKinds()
    {
        Assert.Equal(["low-rank-markov", "hmm", "repeat", "text"], CorpusKinds.All.Select(kind => kind.Name));
    }

    [Fact]
    public void UnknownKindIsRefusedWithTheRegisteredNames()
    {
        var error = Assert.Throws<ArgumentException>(() => CorpusKinds.Of(new CorpusSpec { Kind = "bigram" }));

        Assert.Equal("corpus.kind 'bigram' is unknown; use low-rank-markov, hmm, repeat or text.", error.Message);
    }

    [Theory]
    [InlineData("low-rank-markov")]
    [InlineData("hmm")]
    [InlineData("repeat")]
    [InlineData("text")]
    public void EachKindDescribesAndBuildsATinySpec(string name)
    {
        var text = Path.Combine(data.Path, "tiny.txt");
        File.WriteAllText(text, "A tiny corpus, long enough to keep a few bytes in both splits.");
        var spec = new CorpusSpec
        {
            Kind = name, Vocabulary = 12, Rank = 3, SequenceLength = 4, TrainTokens = 256, HeldOutTokens = 64, EstimateTokens = 1024,
            Path = text,
        };
        var kind = CorpusKinds.Of(spec);

        var (description, optimal) = kind.Describe(spec, new CorpusCatalog(data.Path));
        var corpus = kind.Build(spec, data.Path);

        Assert.Same(kind, CorpusKinds.Find(name));
        Assert.False(string.IsNullOrWhiteSpace(description));
        Assert.Equal(corpus.OptimalLoss, optimal);
        Assert.Equal(name != "text", optimal is > 0);
        Assert.Equal(kind.VocabularySize(spec), corpus.VocabularySize);
        Assert.Equal(name == "text" ? 256 : 12, corpus.VocabularySize);
        Assert.All(corpus.Train.Concat(corpus.HeldOut), token => Assert.InRange(token, 0, corpus.VocabularySize - 1));
    }

    [Theory]
    [InlineData("low-rank-markov", "TrainTokens", "corpus.train_tokens must be at least 2, got 1.")]
    [InlineData("hmm", "HeldOutTokens", "corpus.held_out_tokens must be at least 2, got 1.")]
    [InlineData("hmm", "EstimateTokens", "corpus.estimate_tokens must be at least 1024, got 1023.")]
    [InlineData("repeat", "Vocabulary", "corpus.vocabulary must be at least 2, got 1.")]
    [InlineData("repeat", "SequenceLength", "corpus.sequence_length must be at least 2, got 1.")]
    public void FieldBelowItsBoundIsRefusedInOneSentence(string name, string field, string message)
    {
        var spec = new CorpusSpec { Kind = name, Vocabulary = 12, Rank = 3, SequenceLength = 4, TrainTokens = 256, HeldOutTokens = 64 };
        spec = field switch
        {
            "TrainTokens" => spec with { TrainTokens = 1 },
            "HeldOutTokens" => spec with { HeldOutTokens = 1 },
            "EstimateTokens" => spec with { EstimateTokens = 1023 },
            "Vocabulary" => spec with { Vocabulary = 1 },
            _ => spec with { SequenceLength = 1 },
        };

        var error = Assert.Throws<ArgumentException>(() => new CorpusCatalog(data.Path).Get(spec));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void OnlyRepeatRefusesAContextThatCutsItsSequences()
    {
        var repeat = new CorpusSpec { Kind = "repeat", SequenceLength = 8 };

        var error = Assert.Throws<ArgumentException>(() => CorpusCatalog.CheckContext(repeat, 12));
        CorpusCatalog.CheckContext(repeat, 16);
        foreach (var other in new[] { "low-rank-markov", "hmm", "text", "bigram" })
            CorpusCatalog.CheckContext(repeat with { Kind = other }, 12);

        Assert.Equal(
            "model.context 12 is not a multiple of corpus.sequence_length 8, so held-out windows would start mid-sequence; " +
            "make the context a multiple of it.",
            error.Message);
    }

    [Theory]
    [InlineData("low-rank-markov", 40)]
    [InlineData("hmm", 40)]
    [InlineData("repeat", 40)]
    [InlineData("text", 256)]
    [InlineData("bigram", 40)]
    public void VocabularySizeIsKnownWithoutBuilding(string name, int expected)
    {
        var spec = new CorpusSpec { Kind = name, Vocabulary = 40, Tokenizer = "bytes", Path = "/nowhere" };

        Assert.Equal(expected, CorpusCatalog.VocabularySize(spec));
    }
}
