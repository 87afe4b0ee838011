namespace OrleansSweep.Compute.Corpora.Packaged;

/// <summary>
/// One R object read from R's serialization format, reduced to what corpora need: its SEXP type, its data (string?[] for
/// character vectors, int[] for integer and logical ones, double[], byte[], RSerializedValue?[] for lists and pairlists, a
/// string for a symbol) and its names (the "names" attribute, or a pairlist's tags).
/// </summary>
public sealed record RSerializedValue(int Type, object? Data, string?[]? Names)
{
    /// <summary>R's STRSXP, a character vector.</summary>
    public const int CharacterVector = 16;

    /// <summary>The element called <paramref name="name"/> of a named list, or null.</summary>
    public RSerializedValue? Element(string name) =>
        Names is { } names && Data is RSerializedValue?[] items && Array.IndexOf(names, name) is var i and >= 0 ? items[i] : null;
}
