namespace OrleansSweep.Compute.Tokenizers;

/// <summary>Turns text into token ids and back; the vocabulary a model's embedding and head are sized to.</summary>
public interface ITextTokenizer
{
    /// <summary>The name a run spec uses to ask for this tokenizer.</summary>
    string Name { get; }

    /// <summary>Number of distinct ids, special tokens included: every id is in [0, VocabularySize).</summary>
    int VocabularySize { get; }

    /// <summary>The id that separates documents in a corpus, or null when the vocabulary has none.</summary>
    int? EndOfText { get; }

    /// <summary>Encodes the text into token ids.</summary>
    int[] Encode(string text);

    /// <summary>Decodes token ids back into text.</summary>
    string Decode(IEnumerable<int> ids);
}
