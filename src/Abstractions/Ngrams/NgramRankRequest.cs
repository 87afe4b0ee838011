using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrleansSweep.Abstractions;

/// <summary>What an n-gram rank estimate is computed from (SCIENCE.md §9): a corpus's training tokens, an order and a min count.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.NgramRankRequest")]
public sealed record NgramRankRequest
{
    /// <summary>The corpus, with its tokenizer for text corpora.</summary>
    [Id(0)] public CorpusSpec Corpus { get; init; } = new();

    /// <summary>n: contexts are the n − 1 tokens before each next token; at least 2.</summary>
    [Id(1)] public int Order { get; init; } = 2;

    /// <summary>Contexts seen fewer times are dropped; 2 keeps the split-half noise floor honest (docs/NGRAM_RANK.md).</summary>
    [Id(2)] public int MinCount { get; init; } = 2;

    /// <summary>The grain key of a request: the SHA-256 of its JSON, so equal requests share one estimate.</summary>
    public static string KeyOf(NgramRankRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = JsonSerializer.Serialize(request);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
