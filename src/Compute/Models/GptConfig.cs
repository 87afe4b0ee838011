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
    public int Heads { get; init; } = 1;

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

    /// <summary>
    /// Guards direct callers (bench, experiments) with the same names and bounds as the sweep spec's table (Abstractions'
    /// SpecFields, which a test holds this to); a spec is checked there first, with the YAML line.
    /// </summary>
    public void Validate()
    {
        Require(VocabularySize >= 2, $"corpus.vocabulary must be at least 2, got {VocabularySize}");
        Require(ContextLength >= 1, $"model.context must be at least 1, got {ContextLength}");
        Require(DModel >= 1, $"model.d_model must be at least 1, got {DModel}");
        Require(Layers >= 0, $"model.layers must be at least 0, got {Layers}");
        Require(Heads >= 1, $"model.heads must be at least 1, got {Heads}");
        Require(DModel % Heads == 0, $"model.heads ({Heads}) must divide model.d_model ({DModel})");
        Require(MlpRatio >= 1, $"model.mlp_ratio must be at least 1, got {MlpRatio}");
        Require(Dropout is >= 0 and < 1, $"model.dropout must be in [0, 1), got {Dropout}");
        Require(HeadRank is null or >= 1, $"model.head_rank must be at least 1, got {HeadRank}");
        Require(!(TiedHead && HeadRank is not null), $"model.head_rank cannot be combined with model.tied_head: a factorised head has its own weights");
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

    static void Require(bool condition, FormattableString message)
    {
        if (!condition) throw new ArgumentException(FormattableString.Invariant(message) + ".");
    }
}
