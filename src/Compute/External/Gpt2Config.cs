namespace OrleansSweep.Compute.External;

/// <summary>The shape of a Hugging Face GPT-2 checkpoint, from its config.json.</summary>
/// <param name="VocabularySize">V (vocab_size).</param>
/// <param name="ContextLength">T (n_positions, or n_ctx in older configs).</param>
/// <param name="DModel">d (n_embd).</param>
/// <param name="Layers">L (n_layer).</param>
/// <param name="Heads">Attention heads (n_head).</param>
/// <param name="MlpWidth">The MLP's hidden width (n_inner, 4·d when null).</param>
/// <param name="LayerNormEpsilon">ε of every LayerNorm (layer_norm_epsilon).</param>
public sealed record Gpt2Config(int VocabularySize, int ContextLength, int DModel, int Layers, int Heads, int MlpWidth, double LayerNormEpsilon)
{
    /// <summary>Reads the config of <paramref name="directory"/>, refusing the GPT-2 variants this forward does not compute.</summary>
    public static Gpt2Config From(HuggingFaceDirectory directory)
    {
        var activation = directory.Text("activation_function", "gelu_new");
        if (activation != "gelu_new") throw directory.Unsupported("activation_function", $"is '{activation}'; only gelu_new (GPT-2's tanh GELU) is computed");
        if (!directory.Flag("scale_attn_weights", true)) throw directory.Unsupported("scale_attn_weights", "is false; only GPT-2's 1/sqrt(head size) scaling is computed");
        if (directory.Flag("scale_attn_by_inverse_layer_idx", false)) throw directory.Unsupported("scale_attn_by_inverse_layer_idx", "is true; it is not computed");
        var d = directory.Integer("n_embd");
        var heads = directory.Integer("n_head");
        if (d < 1 || heads < 1 || d % heads != 0) throw directory.Unsupported("n_head", $"({heads}) must divide n_embd ({d})");
        return new Gpt2Config(
            directory.Integer("vocab_size"), directory.Integer("n_positions", "n_ctx"), d, directory.Integer("n_layer"), heads,
            directory.OptionalInteger("n_inner") ?? 4 * d, directory.Number("layer_norm_epsilon", 1e-5));
    }
}
