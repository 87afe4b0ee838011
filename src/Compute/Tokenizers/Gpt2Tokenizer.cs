using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace OrleansSweep.Compute.Tokenizers;

/// <summary>
/// GPT-2's byte-level BPE (tiktoken's r50k_base): 50,256 merges plus &lt;|endoftext|&gt; = 50256.
/// </summary>
public sealed partial class Gpt2Tokenizer() : TiktokenTextTokenizer(Shared)
{
    /// <summary>The id of &lt;|endoftext|&gt;, GPT-2's document separator.</summary>
    public const int EndOfTextId = 50256;

    private const string EndOfTextToken = "<|endoftext|>";

    // Microsoft.ML.Tokenizers.Data.R50kBase is not served here, but SharpToken embeds the same tiktoken file.
    private const string VocabularyResource = "SharpToken.data.r50k_base.tiktoken";

    // Reading and indexing 50k merges takes a noticeable fraction of a second, so every instance shares one copy.
    private static readonly Lazy<TiktokenTokenizer> Shared = new(Load);

    /// <inheritdoc />
    public override string Name => "gpt2";

    /// <inheritdoc />
    public override int VocabularySize => EndOfTextId + 1;

    /// <inheritdoc />
    public override int? EndOfText => EndOfTextId;

    private static TiktokenTokenizer Load()
    {
        using var vocabulary = typeof(SharpToken.GptEncoding).Assembly.GetManifestResourceStream(VocabularyResource)
            ?? throw new InvalidOperationException(
                $"The SharpToken assembly no longer embeds '{VocabularyResource}'; pin SharpToken to a version that does.");
        var specialTokens = new Dictionary<string, int> { [EndOfTextToken] = EndOfTextId };
        return TiktokenTokenizer.Create(vocabulary, new RegexPreTokenizer(PreTokenizerPattern(), specialTokens), null, specialTokens);
    }

    // GPT-2's own split (OpenAI's encoder.py): contractions, letters, digits, other symbols, each with one optional leading space.
    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+")]
    private static partial Regex PreTokenizerPattern();
}
