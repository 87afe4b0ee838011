using OrleansSweep.Compute.Models;

namespace OrleansSweep.Compute.Benchmarks;

/// <summary>
/// Training FLOPs per token by the PaLM estimate nanoGPT uses, 6·N + 12·L·T·d: 2·N for the forward matmuls against the
/// weights and 4·N for their backward, plus 12·L·T·d for attention's QKᵀ and A·V, which multiply activations by activations.
/// </summary>
public static class ModelFlops
{
    /// <summary>
    /// N: the weights that multiply activations. Per block the QKV (3·d²), attention output (d²) and two MLP matrices
    /// (2·MlpRatio·d²), so L·(4 + 2·MlpRatio)·d², plus the head's V·d, which is counted tied or not because the logits matmul
    /// runs either way. Left out: biases and LayerNorm gains (adds and scales, not matmuls) and the token and position
    /// embeddings, whose forward is a gather. This is not <see cref="GptConfig.NonEmbeddingParameters"/>, which has the biases
    /// but not the head.
    /// </summary>
    public static long MatmulWeights(GptConfig config)
    {
        long d = config.DModel;
        return config.Layers * (4L + 2L * config.MlpRatio) * d * d + config.VocabularySize * d;
    }

    /// <summary>
    /// 6·N + 12·L·T·d with N = <see cref="MatmulWeights"/>. The attention term counts the full T×T scores, as PaLM does,
    /// although a causal kernel may skip the masked half; it ignores softmax, LayerNorm, GELU and the optimizer.
    /// </summary>
    public static double PerToken(GptConfig config) =>
        6.0 * MatmulWeights(config) + 12.0 * config.Layers * config.ContextLength * config.DModel;
}
