namespace OrleansSweep.Compute.Ngrams;

/// <summary>
/// Compares two positions of a token stream by the <paramref name="width"/> tokens that start there, so a context is keyed by
/// one of its positions instead of a copied array.
/// </summary>
internal sealed class ContextComparer(int[] tokens, int width) : IEqualityComparer<int>
{
    public bool Equals(int x, int y) => tokens.AsSpan(x, width).SequenceEqual(tokens.AsSpan(y, width));

    public int GetHashCode(int start)
    {
        var hash = new HashCode();
        foreach (var token in tokens.AsSpan(start, width)) hash.Add(token);
        return hash.ToHashCode();
    }
}
