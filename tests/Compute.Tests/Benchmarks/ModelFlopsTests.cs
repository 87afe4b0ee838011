using OrleansSweep.Compute.Benchmarks;
using OrleansSweep.Compute.Models;
using static TorchSharp.torch;

namespace OrleansSweep.Compute.Tests.Benchmarks;

public sealed class ModelFlopsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MatmulWeightsAreTheBuiltModelsMatricesLessTheEmbeddingLookupsPlusTheHead(bool tiedHead)
    {
        var config = new GptConfig { VocabularySize = 11, ContextLength = 5, DModel = 8, Layers = 3, Heads = 2, MlpRatio = 3, TiedHead = tiedHead };
        using var generator = new Generator(1UL, CPU);
        using var model = new Gpt(config, generator);

        long counted = 0;
        foreach (var (name, parameter) in model.named_parameters())
            if (parameter.dim() == 2 && name is not ("wte.weight" or "wpe.weight")) counted += parameter.numel();
        // A tied head multiplies by wte.weight, which is registered once, as the embedding.
        if (tiedHead) counted += config.VocabularySize * config.DModel;

        Assert.Equal(3 * (4 + 2 * 3) * 8 * 8 + 11 * 8, counted);
        Assert.Equal(counted, ModelFlops.MatmulWeights(config));
        Assert.Equal(6.0 * counted + 12.0 * 3 * 5 * 8, ModelFlops.PerToken(config));
    }
}
