using System.Text;

namespace OrleansSweep.Compute.Tokenizers;

/// <summary>One token per UTF-8 byte: the smallest vocabulary that can spell any text.</summary>
public sealed class ByteTokenizer : ITextTokenizer
{
    /// <inheritdoc />
    public string Name => "bytes";

    /// <inheritdoc />
    public int VocabularySize => 256;

    /// <inheritdoc />
    public int? EndOfText => null;

    /// <inheritdoc />
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var ids = new int[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            ids[i] = bytes[i];
        }

        return ids;
    }

    /// <inheritdoc />
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        // A model may emit a byte sequence that is not valid UTF-8; it decodes with replacement characters rather than failing.
        var bytes = ids.Select(id => id is >= 0 and < 256
            ? (byte)id
            : throw new ArgumentOutOfRangeException(nameof(ids), id, "Byte token ids must lie in [0, 256).")).ToArray();
        return Encoding.UTF8.GetString(bytes);
    }
}
