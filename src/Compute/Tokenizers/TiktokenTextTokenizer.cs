using Microsoft.ML.Tokenizers;

namespace OrleansSweep.Compute.Tokenizers;

/// <summary>A tiktoken vocabulary read by Microsoft.ML.Tokenizers, built once and shared by every instance of its kind.</summary>
public abstract class TiktokenTextTokenizer(Lazy<TiktokenTokenizer> shared) : ITextTokenizer
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract int VocabularySize { get; }

    /// <inheritdoc />
    public abstract int? EndOfText { get; }

    /// <inheritdoc />
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. shared.Value.EncodeToIds(text)];
    }

    /// <inheritdoc />
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return shared.Value.Decode(ids);
    }
}
