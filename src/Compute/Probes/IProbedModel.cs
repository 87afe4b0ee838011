namespace OrleansSweep.Compute.Probes;

/// <summary>
/// What the probes read from a model, whatever its origin (one of ours, or a checkpoint trained elsewhere): its residual
/// stream, its head and its shape.
/// </summary>
public interface IProbedModel
{
    /// <summary>V: rows of the head; token ids lie below it.</summary>
    int VocabularySize { get; }

    /// <summary>T: the longest input the model takes.</summary>
    int ContextLength { get; }

    /// <summary>L: transformer blocks.</summary>
    int Layers { get; }

    /// <summary>Token ids (B, T) to every residual-stream state (B, T, d): [embedding output, block 1 … block L, final LayerNorm].</summary>
    IReadOnlyList<Tensor> HiddenStates(Tensor tokens);

    /// <summary>The effective head W (V, d): logits are z = W h, h the final LayerNorm's output.</summary>
    Tensor HeadWeight();

    /// <summary>Eval mode without gradients until disposed; the model's previous mode comes back after.</summary>
    IDisposable Evaluating();
}
