using Microsoft.ML.Tokenizers;

namespace OrleansSweep.Compute.Tokenizers;

/// <summary>
/// tiktoken's cl100k_base (GPT-3.5/GPT-4): 100,256 merges, then special tokens up to &lt;|endofprompt|&gt; = 100276, with
/// &lt;|endoftext|&gt; = 100257 as the document separator. Id 100256 is never produced; the vocabulary still counts it.
/// </summary>
public sealed class Cl100kTokenizer() : TiktokenTextTokenizer(Shared)
{
    /// <summary>The id of &lt;|endoftext|&gt;.</summary>
    public const int EndOfTextId = 100257;

    // Microsoft.ML.Tokenizers.Data.Cl100kBase embeds the vocabulary; building it takes a noticeable fraction of a second.
    private static readonly Lazy<TiktokenTokenizer> Shared = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    /// <inheritdoc />
    public override string Name => "cl100k";

    /// <inheritdoc />
    public override int VocabularySize => 100277;

    /// <inheritdoc />
    public override int? EndOfText => EndOfTextId;
}
