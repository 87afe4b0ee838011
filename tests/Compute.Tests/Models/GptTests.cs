using OrleansSweep.Compute.Models;

namespace OrleansSweep.Compute.Tests.Models;

public sealed class GptTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ParameterCountsMatchTheBuiltModel(bool tied)
    {
        var config = new GptConfig { VocabularySize = 50, ContextLength = 12, DModel = 16, Layers = 3, Heads = 4, TiedHead = tied };
        using var generator = new Generator(1);
        using var model = new Gpt(config, generator);

        var counted = model.parameters().Sum(p => p.numel());
        var embeddings = model.named_parameters().Where(p => p.name.StartsWith("wte") || p.name.StartsWith("wpe") || p.name.StartsWith("head"))
            .Sum(p => p.parameter.numel());

        Assert.Equal(config.TotalParameters, counted);
        Assert.Equal(config.NonEmbeddingParameters, counted - embeddings);
    }

    [Fact]
    public void ATiedHeadIsTheTokenEmbedding()
    {
        var config = new GptConfig { VocabularySize = 50, DModel = 16, Heads = 2, TiedHead = true };
        using var generator = new Generator(1);
        using var model = new Gpt(config, generator);

        var embedding = model.named_parameters().Single(p => p.name == "wte.weight").parameter;
        Assert.True(model.Head.Weight().Equals(embedding));
        Assert.DoesNotContain(model.named_parameters(), p => p.name.StartsWith("head"));
    }

    [Fact]
    public void ForwardMapsTokensToLogitsAndIsCausal()
    {
        var config = new GptConfig { VocabularySize = 20, ContextLength = 8, DModel = 16, Layers = 2, Heads = 2 };
        using var generator = new Generator(1);
        using var model = new Gpt(config, generator);
        model.eval();
        var tokens = tensor(new long[] { 1, 2, 3, 4, 5, 6, 7, 8 }, [1, 8]);
        var changedLast = tensor(new long[] { 1, 2, 3, 4, 5, 6, 7, 19 }, [1, 8]);

        var logits = model.call(tokens);
        var other = model.call(changedLast);

        Assert.Equal([1L, 8, 20], logits.shape);
        // Changing the last token must not change any earlier position's logits.
        Assert.True(logits[.., ..7].allclose(other[.., ..7]));
        Assert.False(logits[.., 7].allclose(other[.., 7]));
    }

    [Fact]
    public void HeadsThatDoNotDivideDAreRefusedByName()
    {
        var error = Assert.Throws<ArgumentException>(() => new GptConfig { DModel = 10, Heads = 3 }.Validate());
        Assert.Contains("heads", error.Message);
    }
}
