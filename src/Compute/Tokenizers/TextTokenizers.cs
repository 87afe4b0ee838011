namespace OrleansSweep.Compute.Tokenizers;

/// <summary>Resolves the tokenizer name a run spec gives.</summary>
public static class TextTokenizers
{
    /// <summary>The names <see cref="Create"/> accepts; aliases included.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = ["bytes", "gpt2", "r50k", "cl100k"];

    /// <summary>Creates the tokenizer called <paramref name="name"/> (case-insensitive).</summary>
    public static ITextTokenizer Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "bytes" => new ByteTokenizer(),
            "gpt2" or "r50k" => new Gpt2Tokenizer(),
            "cl100k" => new Cl100kTokenizer(),
            _ => throw new ArgumentException(
                $"Unknown tokenizer '{name}'; use one of {string.Join(", ", KnownNames.Select(known => $"'{known}'"))}.", nameof(name)),
        };
    }
}
