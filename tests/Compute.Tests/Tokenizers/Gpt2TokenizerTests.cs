using OrleansSweep.Compute.Tokenizers;

namespace OrleansSweep.Compute.Tests.Tokenizers;

public sealed class Gpt2TokenizerTests
{
    private readonly Gpt2Tokenizer _tokenizer = new();

    [Fact]
    public void HelloWorldEncodesToGpt2Ids()
    {
        // Published GPT-2 ids: "Hello" = 15496, " world" = 995.
        Assert.Equal([15496, 995], _tokenizer.Encode("Hello world"));
    }

    [Fact]
    public void ContractionsSplitAsGpt2Does()
    {
        // "'s" = 338 is a token of its own in GPT-2, split off by its pre-tokenizer.
        Assert.Equal(338, _tokenizer.Encode("it's").Last());
    }

    [Fact]
    public void SentenceWithPunctuationAndUnicodeRoundTrips()
    {
        const string sentence = "Naïve café-goers said: «ça va?» — 42 times, 東京 ☕ 🚀!\n\tNew line.";
        var ids = _tokenizer.Encode(sentence);

        Assert.All(ids, id => Assert.InRange(id, 0, _tokenizer.VocabularySize - 1));
        Assert.Equal(sentence, _tokenizer.Decode(ids));
    }

    [Fact]
    public void EndOfTextIsTheLastId()
    {
        Assert.Equal(50256, _tokenizer.EndOfText);
        Assert.Equal([50256], _tokenizer.Encode("<|endoftext|>"));
        Assert.Equal("<|endoftext|>", _tokenizer.Decode([50256]));
    }

    [Fact]
    public void VocabularyHas50257Ids()
    {
        Assert.Equal(50257, _tokenizer.VocabularySize);
        Assert.Equal("gpt2", _tokenizer.Name);
    }
}
