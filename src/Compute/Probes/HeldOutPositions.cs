using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Probes;

/// <summary>
/// A fixed sample of token positions in the held-out stream (SCIENCE §1, §4), drawn once by seed so every checkpoint of a run is
/// probed on the same tokens. Positions lie in the first <c>maxTokens</c> tokens, cut into context-length windows as the
/// evaluator cuts them, so each position is seen with the same left context it is evaluated with.
/// </summary>
public sealed class HeldOutPositions
{
    private const int WindowsPerBatch = 64;
    private readonly int[] heldOut;
    private readonly int contextLength;
    private readonly int[] indices;

    public HeldOutPositions(int[] heldOut, int contextLength, int positions = 2048, int seed = 0, int maxTokens = 65_536)
    {
        if (positions < 2) throw new ArgumentException("a probe needs at least 2 positions.");
        this.heldOut = heldOut;
        this.contextLength = contextLength;
        var windows = HeldOutEvaluator.WindowCount(heldOut, contextLength, maxTokens);
        // Partial Fisher–Yates: distinct positions, uniform over the candidates, fixed by the seed.
        var candidates = Enumerable.Range(0, windows * contextLength).ToArray();
        var count = Math.Min(positions, candidates.Length);
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, candidates.Length);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
        }
        indices = candidates[..count];
        Array.Sort(indices);
    }

    /// <summary>Sampled positions: indices into the held-out stream, ascending; the target of position i is token i + 1.</summary>
    public IReadOnlyList<int> Indices => indices;

    /// <summary>Sampled positions.</summary>
    public int Count => indices.Length;

    /// <summary>
    /// Calls <paramref name="visit"/>(inputs (B, T), rows (N), targets (N)) for batches of the windows that hold sampled
    /// positions, in ascending order; rows index the flattened (B·T) positions. Each call runs in its own dispose scope.
    /// </summary>
    public void Visit(Device device, Action<Tensor, Tensor, Tensor> visit)
    {
        var byWindow = indices.GroupBy(i => i / contextLength).ToArray();
        for (var first = 0; first < byWindow.Length; first += WindowsPerBatch)
        {
            using var scope = NewDisposeScope();
            var batch = byWindow.AsSpan(first, Math.Min(WindowsPerBatch, byWindow.Length - first)).ToArray();
            var inputs = new long[batch.Length * contextLength];
            var rows = new List<long>();
            var targets = new List<long>();
            for (var b = 0; b < batch.Length; b++)
            {
                var start = batch[b].Key * contextLength;
                for (var t = 0; t < contextLength; t++) inputs[b * contextLength + t] = heldOut[start + t];
                foreach (var index in batch[b])
                {
                    rows.Add(b * contextLength + index - start);
                    targets.Add(heldOut[index + 1]);
                }
            }
            visit(tensor(inputs, [batch.Length, contextLength]).to(device), tensor(rows.ToArray()).to(device), tensor(targets.ToArray()).to(device));
        }
    }
}
