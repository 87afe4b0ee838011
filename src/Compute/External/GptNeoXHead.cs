namespace OrleansSweep.Compute.External;

/// <summary>
/// The LM head of a Hugging Face GPT-NeoX (Pythia) checkpoint: embed_out.weight (V, d), never tied to the embedding. Only the
/// head is read: the NeoX forward (rotary positions, parallel attention and MLP) is not implemented here, so these checkpoints
/// get the head probes alone.
/// </summary>
public sealed class GptNeoXHead : IDisposable
{
    private GptNeoXHead(int vocabularySize, int dModel, int layers, int contextLength, Tensor weight)
    {
        VocabularySize = vocabularySize;
        DModel = dModel;
        Layers = layers;
        ContextLength = contextLength;
        Weight = weight;
    }

    /// <summary>V (vocab_size; Pythia pads it past the tokenizer's, and the padding rows are part of W).</summary>
    public int VocabularySize { get; }

    /// <summary>d (hidden_size).</summary>
    public int DModel { get; }

    /// <summary>L (num_hidden_layers).</summary>
    public int Layers { get; }

    /// <summary>T (max_position_embeddings).</summary>
    public int ContextLength { get; }

    /// <summary>W (V, d), float32.</summary>
    public Tensor Weight { get; }

    /// <summary>Reads the head of <paramref name="directory"/> onto <paramref name="device"/>.</summary>
    public static GptNeoXHead Load(HuggingFaceDirectory directory, Device device)
    {
        int v = directory.Integer("vocab_size"), d = directory.Integer("hidden_size");
        using var weights = directory.OpenWeights();
        var weight = weights.ReadFloat32("embed_out.weight", [v, d], device);
        return new GptNeoXHead(v, d, directory.Integer("num_hidden_layers"), directory.Integer("max_position_embeddings"), weight);
    }

    public void Dispose() => Weight.Dispose();
}
