namespace OrleansSweep.Compute.Models;

/// <summary>The whole shape of a GPT decoder; a checkpoint stores it so it can be re-read on its own.</summary>
public sealed record GptConfig
{
    /// <summary>V: tokens the embedding and the LM head cover.</summary>
    public int VocabularySize { get; init; } = 256;

    /// <summary>T: the longest sequence the learned positions cover.</summary>
    public int ContextLength { get; init; } = 64;

    /// <summary>d: hidden size, the rank bound of the LM head.</summary>
    public int DModel { get; init; } = 64;

    /// <summary>Transformer blocks.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Attention heads; must divide d.</summary>
    public int Heads { get; init; } = 2;

    /// <summary>MLP hidden width as a multiple of d (4 in GPT-2 and Pythia).</summary>
    public int MlpRatio { get; init; } = 4;

    /// <summary>Dropout on attention, residual and embedding paths; 0 as in Pythia.</summary>
    public double Dropout { get; init; }

    /// <summary>True: the head reuses the token embedding (GPT-2); false: a separate head (Pythia).</summary>
    public bool TiedHead { get; init; }

    /// <summary>r of a factorised head W = A·B (SCIENCE §8) when 1 ≤ r &lt; d; null, or r ≥ d, gives a full-rank head.</summary>
    public int? HeadRank { get; init; }

    /// <summary>The rank of the factorised head this config builds, or null when its head is full-rank.</summary>
    public int? FactorizedRank => HeadRank is { } r && r < DModel ? r : null;

    /// <summary>Throws with one sentence naming the first invalid field.</summary>
    public void Validate()
    {
        Require(VocabularySize >= 2, "vocabulary_size must be at least 2");
        Require(ContextLength >= 1, "context must be at least 1");
        Require(DModel >= 1, "d_model must be at least 1");
        Require(Layers >= 0, "layers must not be negative");
        Require(Heads >= 1, "heads must be at least 1");
        Require(DModel % Heads == 0, $"heads ({Heads}) must divide d_model ({DModel})");
        Require(MlpRatio >= 1, "mlp_ratio must be at least 1");
        Require(Dropout is >= 0 and < 1, "dropout must be in [0, 1)");
        Require(HeadRank is null or >= 1, "head_rank must be at least 1");
        Require(!(TiedHead && HeadRank is not null), "head_rank cannot be combined with tied_head: a factorised head has its own weights");
    }

    /// <summary>Parameters outside the token and position embeddings and the (untied) head: N of the scaling laws.</summary>
    public long NonEmbeddingParameters => (long)Layers * BlockParameters + 2L * DModel;

    /// <summary>Every trainable parameter.</summary>
    public long TotalParameters =>
        NonEmbeddingParameters + (long)VocabularySize * DModel + (long)ContextLength * DModel + HeadParameters;

    /// <summary>The head's own parameters: 0 when tied, r·(V + d) when factorised, V·d otherwise.</summary>
    public long HeadParameters =>
        TiedHead ? 0 : FactorizedRank is { } r ? (long)r * (VocabularySize + DModel) : (long)VocabularySize * DModel;

    long BlockParameters
    {
        get
        {
            long d = DModel, hidden = (long)MlpRatio * DModel;
            var attention = d * 3 * d + 3 * d + d * d + d;
            var mlp = d * hidden + hidden + hidden * d + d;
            return attention + mlp + 4 * d;
        }
    }

    static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message + ".");
    }
}
