using Microsoft.ML.Tokenizers;
using OrleansSweep.Compute.Tokenizers;

namespace OrleansSweep.Compute.Tests.Tokenizers;

public sealed class Cl100kTokenizerTests
{
    private readonly Cl100kTokenizer _tokenizer = new();

    [Fact]
    public void KnownTextsEncodeToPublishedCl100kIds()
    {
        // tiktoken's own examples: "Hello world" = [9906, 1917]; "tiktoken is great!" = [83, 1609, 5963, 374, 2294, 0].
        Assert.Equal([9906, 1917], _tokenizer.Encode("Hello world"));
        Assert.Equal([83, 1609, 5963, 374, 2294, 0], _tokenizer.Encode("tiktoken is great!"));
    }

    [Fact]
    public void EndOfTextIsItsSpecialId()
    {
        Assert.Equal(100257, _tokenizer.EndOfText);
        Assert.Equal([100257], _tokenizer.Encode("<|endoftext|>"));
        Assert.Equal("<|endoftext|>", _tokenizer.Decode([100257]));
    }

    [Fact]
    public void VocabularyEndsAtTheLargestSpecialToken()
    {
        // The special tokens sit above the 100,256 merge ranks (0 … 100255), the largest being <|endofprompt|>.
        var special = TiktokenTokenizer.CreateForEncoding("cl100k_base").SpecialTokens!;

        Assert.Equal(100_276, special["<|endofprompt|>"]);
        Assert.Equal(special.Values.Max() + 1, _tokenizer.VocabularySize);
        Assert.Equal(100_277, _tokenizer.VocabularySize);
        // The last merge rank decodes to a real token and encodes back to itself.
        Assert.Equal([100_255], _tokenizer.Encode(_tokenizer.Decode([100_255])));
    }

    [Fact]
    public void SentenceWithUnicodeRoundTrips()
    {
        const string sentence = "Naïve café-goers said: «ça va?» — 42 times, 東京 ☕ 🚀!\n\tNew line.";
        var ids = _tokenizer.Encode(sentence);

        Assert.All(ids, id => Assert.InRange(id, 0, _tokenizer.VocabularySize - 1));
        Assert.Equal(sentence, _tokenizer.Decode(ids));
    }

    [Fact]
    public void TextTokenizersResolvesTheName()
    {
        Assert.IsType<Cl100kTokenizer>(TextTokenizers.Create(" CL100K "));
        Assert.Contains("cl100k", TextTokenizers.KnownNames);
    }
}
