namespace OrleansSweep.Abstractions;

/// <summary>Where a sweep's tokens come from: a built-in language with a known answer, or text files.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.CorpusSpec")]
public sealed record CorpusSpec
{
    /// <summary>"low-rank-markov" (SCIENCE.md §10) or "text".</summary>
    [Id(0)] public string Kind { get; init; } = "low-rank-markov";

    /// <summary>low-rank-markov: V, the number of tokens.</summary>
    [Id(1)] public int Vocabulary { get; init; } = 256;

    /// <summary>low-rank-markov: R, hidden states; the log-probability matrix has rank ≤ R + 1.</summary>
    [Id(2)] public int Rank { get; init; } = 32;

    /// <summary>low-rank-markov: β, the inverse temperature of the transition rows.</summary>
    [Id(3)] public double Beta { get; init; } = 1.0;

    /// <summary>low-rank-markov: α_E, the Dirichlet concentration of each group's emissions.</summary>
    [Id(4)] public double EmissionConcentration { get; init; } = 1.0;

    /// <summary>low-rank-markov: fixes the language and its samples.</summary>
    [Id(5)] public int Seed { get; init; } = 1;

    /// <summary>low-rank-markov: tokens sampled for training.</summary>
    [Id(6)] public int TrainTokens { get; init; } = 1 << 20;

    /// <summary>low-rank-markov: tokens sampled for the held-out set.</summary>
    [Id(7)] public int HeldOutTokens { get; init; } = 1 << 16;

    /// <summary>text: a file, or a folder of .txt files.</summary>
    [Id(8)] public string? Path { get; init; }

    /// <summary>text: "bytes" or "gpt2".</summary>
    [Id(9)] public string Tokenizer { get; init; } = "bytes";
}
