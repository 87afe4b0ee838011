namespace OrleansSweep.Abstractions;

/// <summary>One GPT shape; a sweep's grid overrides some of these fields per run.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.ModelSpec")]
public sealed record ModelSpec
{
    /// <summary>T, the context length.</summary>
    [Id(0)] public int Context { get; init; } = 64;

    /// <summary>d, the hidden size.</summary>
    [Id(1)] public int DModel { get; init; } = 64;

    /// <summary>Transformer blocks.</summary>
    [Id(2)] public int Layers { get; init; } = 2;

    /// <summary>Attention heads; must divide d.</summary>
    [Id(3)] public int Heads { get; init; } = 1;

    /// <summary>MLP width as a multiple of d.</summary>
    [Id(4)] public int MlpRatio { get; init; } = 4;

    /// <summary>Dropout probability.</summary>
    [Id(5)] public double Dropout { get; init; }

    /// <summary>Whether the LM head reuses the token embedding.</summary>
    [Id(6)] public bool TiedHead { get; init; }

    /// <summary>r of a factorised LM head W = A·B (SCIENCE.md §8); null, or r ≥ d, gives a full-rank head.</summary>
    [Id(7)] public int? HeadRank { get; init; }
}
