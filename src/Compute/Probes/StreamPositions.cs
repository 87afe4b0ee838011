namespace OrleansSweep.Compute.Probes;

/// <summary>
/// Positions of a whole token stream (a token file a user brings): every position that has a next token, or a sample of
/// them fixed by seed, in context-length windows from the stream's start.
/// </summary>
public sealed class StreamPositions : IProbePositions
{
    private readonly int[] tokens;
    private readonly int contextLength;
    private readonly int[] indices;

    /// <summary>All positions when <paramref name="positions"/> is null, else that many distinct ones drawn by <paramref name="seed"/>.</summary>
    public StreamPositions(int[] tokens, int contextLength, int? positions = null, int seed = 0)
    {
        if (tokens.Length < 3) throw new ArgumentException($"a probe needs at least 3 tokens (2 positions and their next tokens), not {tokens.Length}.");
        this.tokens = tokens;
        this.contextLength = contextLength;
        indices = positions is { } count ? ContextWindows.Sample(tokens.Length - 1, count, seed) : Enumerable.Range(0, tokens.Length - 1).ToArray();
    }

    /// <summary>Positions, ascending; the target of position i is token i + 1.</summary>
    public IReadOnlyList<int> Indices => indices;

    /// <summary>Positions in the set.</summary>
    public int Count => indices.Length;

    /// <inheritdoc />
    public void Visit(Device device, Action<Tensor, Tensor, Tensor> visit) =>
        ContextWindows.Visit(tokens, contextLength, indices, device, visit);
}
