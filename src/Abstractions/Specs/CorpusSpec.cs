namespace OrleansSweep.Abstractions;

/// <summary>Where a sweep's tokens come from: a built-in language with a known answer, or text files.</summary>
/// <remarks>Fields shared by the built-in languages (vocabulary, rank, beta, …) apply to each kind that names them.</remarks>
[GenerateSerializer, Immutable, Alias("OrleansSweep.CorpusSpec")]
public sealed record CorpusSpec
{
    /// <summary>"low-rank-markov" (SCIENCE.md §10), "hmm" (§11), "repeat" (§12) or "text".</summary>
    [Id(0)] public string Kind { get; init; } = "low-rank-markov";

    /// <summary>low-rank-markov, hmm, repeat: V, the number of tokens.</summary>
    [Id(1)] public int Vocabulary { get; init; } = 256;

    /// <summary>low-rank-markov, hmm: R, hidden states; the probability matrix has rank ≤ R.</summary>
    [Id(2)] public int Rank { get; init; } = 32;

    /// <summary>low-rank-markov, hmm: β, the inverse temperature of the transition rows.</summary>
    [Id(3)] public double Beta { get; init; } = 1.0;

    /// <summary>low-rank-markov, hmm: α_E, the Dirichlet concentration of each group's (hmm: each state's) emissions.</summary>
    [Id(4)] public double EmissionConcentration { get; init; } = 1.0;

    /// <summary>low-rank-markov, hmm, repeat: fixes the language and its samples.</summary>
    [Id(5)] public int Seed { get; init; } = 1;

    /// <summary>low-rank-markov, hmm, repeat: tokens sampled for training.</summary>
    [Id(6)] public int TrainTokens { get; init; } = 1 << 20;

    /// <summary>low-rank-markov, hmm, repeat: tokens sampled for the held-out set.</summary>
    [Id(7)] public int HeldOutTokens { get; init; } = 1 << 16;

    /// <summary>text: a .txt or .jsonl file, or a folder of them (or give name instead).</summary>
    [Id(8)] public string? Path { get; init; }

    /// <summary>text: "bytes", "gpt2" (alias "r50k") or "cl100k".</summary>
    [Id(9)] public string Tokenizer { get; init; } = "bytes";

    /// <summary>repeat: L, the length of each sequence of one repeated token; the context must be a multiple of it.</summary>
    [Id(10)] public int SequenceLength { get; init; } = 64;

    /// <summary>text: a corpus fetched with `data fetch NAME`, read from the silo's &lt;data&gt;/corpora/NAME (instead of path).</summary>
    [Id(11)] public string? Name { get; init; }

    /// <summary>text: the JSON field that holds each .jsonl line's text.</summary>
    [Id(12)] public string TextField { get; init; } = "text";

    /// <summary>hmm: tokens of the independent sample on which the forward algorithm estimates the entropy rate.</summary>
    [Id(13)] public int EstimateTokens { get; init; } = 1 << 18;
}
