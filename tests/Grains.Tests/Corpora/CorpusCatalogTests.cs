using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Corpora.Packaged;
using OrleansSweep.Compute.Tokenizers;
using OrleansSweep.Grains.Corpora;

namespace OrleansSweep.Grains.Tests.Corpora;

public sealed class CorpusCatalogTests : IDisposable
{
    private readonly TemporaryDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public void NamedCorpusResolvesToItsFolderUnderTheDataDirectory()
    {
        var folder = Fetch("tiny", ("a.txt", "Hello fetched world."), ("b.txt", "A second document, long enough to split."));
        var catalog = new CorpusCatalog(data.Path);
        var spec = new CorpusSpec { Kind = "text", Name = "tiny", Tokenizer = "gpt2" };

        var corpus = catalog.Get(spec);
        var (description, optimal) = catalog.Describe(spec);

        var direct = CorpusLoader.FromText(folder, new Gpt2Tokenizer());
        Assert.Equal(direct.Train, corpus.Train);
        Assert.Equal(direct.HeldOut, corpus.HeldOut);
        Assert.Contains("tiny", description);
        Assert.Null(optimal);
    }

    [Fact]
    public void MissingCorpusTellsTheUserToFetchIt()
    {
        var catalog = new CorpusCatalog(data.Path);

        var error = Assert.Throws<ArgumentException>(() => catalog.Describe(new CorpusSpec { Kind = "text", Name = "brown" }));

        Assert.Contains($"run `data fetch brown --data {data.Path}` first", error.Message);
    }

    [Fact]
    public void ChangedFileOfAFetchedCorpusIsRefusedInOneSentence()
    {
        var folder = Fetch("tiny", ("a.txt", "Hello fetched world."), ("b.txt", "Another document."));
        File.AppendAllText(Path.Combine(folder, "b.txt"), " Edited.");
        var catalog = new CorpusCatalog(data.Path);

        var error = Assert.Throws<ArgumentException>(() => catalog.Get(new CorpusSpec { Kind = "text", Name = "tiny" }));

        Assert.StartsWith("corpus.name 'tiny': ", error.Message);
        Assert.Contains("b.txt does not match its SHA-256", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void PathAndNameTogetherAreRefused()
    {
        Fetch("tiny", ("a.txt", "Hello."));
        var error = Assert.Throws<ArgumentException>(
            () => new CorpusCatalog(data.Path).Describe(new CorpusSpec { Kind = "text", Name = "tiny", Path = data.Path }));

        Assert.Contains("corpus.path and corpus.name", error.Message);
    }

    [Fact]
    public void HmmSpecDescribesItsEstimatedOptimumWithTheSampleSize()
    {
        var spec = new CorpusSpec { Kind = "hmm", Vocabulary = 16, Rank = 3, TrainTokens = 4096, HeldOutTokens = 1024, EstimateTokens = 20_000 };
        var catalog = new CorpusCatalog(data.Path);

        var (description, optimal) = catalog.Describe(spec);

        var expected = HiddenMarkovLanguage.Create(new HiddenMarkovParameters(16, 3, Seed: 1));
        Assert.Equal(16, catalog.Get(spec).VocabularySize);
        Assert.Equal(optimal, catalog.Get(spec).OptimalLoss);
        Assert.InRange(optimal!.Value, 0.5, Math.Log(16));
        Assert.Contains("from 20000 tokens", description);
        Assert.Equal(expected.Sample(4096, 4), catalog.Get(spec).Train);
    }

    [Fact]
    public void RepeatSpecHasTheClosedFormOptimumAndAlignedSequences()
    {
        var spec = new CorpusSpec { Kind = "repeat", Vocabulary = 100, SequenceLength = 8, TrainTokens = 800, HeldOutTokens = 80 };
        var catalog = new CorpusCatalog(data.Path);

        var (_, optimal) = catalog.Describe(spec);
        var corpus = catalog.Get(spec);

        Assert.Equal(Math.Log(100) / 8, optimal!.Value, 12);
        Assert.Equal(8, corpus.SequenceLength);
        Assert.All(Enumerable.Range(0, 800), t => Assert.Equal(corpus.Train[t - t % 8], corpus.Train[t]));
    }

    [Theory]
    [InlineData("hmm", "corpus.estimate_tokens")]
    [InlineData("repeat", "corpus.sequence_length")]
    [InlineData("bigram", "corpus.kind 'bigram'")]
    public void BadSyntheticSpecNamesTheField(string kind, string field)
    {
        var spec = new CorpusSpec { Kind = kind, EstimateTokens = 10, SequenceLength = 1 };

        var error = Assert.Throws<ArgumentException>(() => new CorpusCatalog(data.Path).Describe(spec));

        Assert.Contains(field, error.Message);
    }

    private string Fetch(string name, params (string File, string Text)[] files)
    {
        var folder = CorpusProvenance.FolderOf(data.Path, name);
        Directory.CreateDirectory(folder);
        var checksums = new Dictionary<string, string>();
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
            checksums[file] = CorpusProvenance.Sha256Of(Path.Combine(folder, file));
        }

        new CorpusProvenance(name, "test", "1", "written by the test", "", DateTimeOffset.UnixEpoch, checksums).Write(folder);
        return folder;
    }
}
