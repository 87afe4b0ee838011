using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Probes;

/// <summary>
/// A fixed sample of token positions in the held-out stream (SCIENCE §1, §4), drawn once by seed so every checkpoint of a run is
/// probed on the same tokens. Positions lie in the first <c>maxTokens</c> tokens, cut into context-length windows as the
/// evaluator cuts them, so each position is seen with the same left context it is evaluated with.
/// </summary>
public sealed class HeldOutPositions : IProbePositions
{
    private readonly int[] heldOut;
    private readonly int contextLength;
    private readonly int[] indices;

    public HeldOutPositions(int[] heldOut, int contextLength, int positions = 2048, int seed = 0, int maxTokens = 65_536)
    {
        this.heldOut = heldOut;
        this.contextLength = contextLength;
        var windows = HeldOutEvaluator.WindowCount(heldOut, contextLength, maxTokens);
        indices = ContextWindows.Sample(windows * contextLength, positions, seed);
    }

    /// <summary>Sampled positions: indices into the held-out stream, ascending; the target of position i is token i + 1.</summary>
    public IReadOnlyList<int> Indices => indices;

    /// <summary>Sampled positions.</summary>
    public int Count => indices.Length;

    /// <inheritdoc />
    public void Visit(Device device, Action<Tensor, Tensor, Tensor> visit) =>
        ContextWindows.Visit(heldOut, contextLength, indices, device, visit);
}
