using OrleansSweep.Compute.Tokenizers;

namespace OrleansSweep.Compute.Tests.Tokenizers;

public sealed class TextTokenizersTests
{
    [Theory]
    [InlineData("bytes", typeof(ByteTokenizer))]
    [InlineData("gpt2", typeof(Gpt2Tokenizer))]
    [InlineData("r50k", typeof(Gpt2Tokenizer))]
    [InlineData("GPT2", typeof(Gpt2Tokenizer))]
    public void KnownNamesResolve(string name, Type expected)
    {
        Assert.IsType(expected, TextTokenizers.Create(name));
    }

    [Fact]
    public void UnknownNameIsRejectedWithTheKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => TextTokenizers.Create("llama"));

        Assert.Contains("'llama'", error.Message);
        Assert.All(TextTokenizers.KnownNames, known => Assert.Contains($"'{known}'", error.Message));
    }
}
