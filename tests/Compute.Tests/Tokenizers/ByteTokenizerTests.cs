using System.Text;
using OrleansSweep.Compute.Tokenizers;

namespace OrleansSweep.Compute.Tests.Tokenizers;

public sealed class ByteTokenizerTests
{
    private readonly ByteTokenizer _tokenizer = new();

    [Fact]
    public void TextRoundTripsThroughUtf8Bytes()
    {
        const string text = "Grüße, 世界! 🚀";
        var ids = _tokenizer.Encode(text);

        Assert.Equal(Encoding.UTF8.GetByteCount(text), ids.Length);
        Assert.Equal(text, _tokenizer.Decode(ids));
    }

    [Fact]
    public void AsciiLettersAreTheirCodes()
    {
        Assert.Equal([72, 105], _tokenizer.Encode("Hi"));
    }

    [Fact]
    public void VocabularyIsTheByteRangeWithoutSeparator()
    {
        Assert.Equal(256, _tokenizer.VocabularySize);
        Assert.Null(_tokenizer.EndOfText);
        Assert.Equal("bytes", _tokenizer.Name);
    }

    [Fact]
    public void IdOutsideTheByteRangeIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _tokenizer.Decode([256]));
    }
}
