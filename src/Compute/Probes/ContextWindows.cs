namespace OrleansSweep.Compute.Probes;

/// <summary>
/// The cut every position set shares: a token stream in consecutive context-length windows from its start, so a position
/// is always seen with the same left context; the last window may be shorter where the stream ends.
/// </summary>
public static class ContextWindows
{
    // Bounds the (N, V) float64 logit gradients of a batch: about 0.4 GB at GPT-2's V, whatever the context length.
    private const int PositionsPerBatch = 1024;

    /// <summary>
    /// <paramref name="count"/> distinct indices in [0, <paramref name="candidates"/>), uniform and fixed by
    /// <paramref name="seed"/> (partial Fisher–Yates), ascending; all of them when there are fewer candidates.
    /// </summary>
    public static int[] Sample(int candidates, int count, int seed)
    {
        if (count < 2) throw new ArgumentException("a probe needs at least 2 positions.");
        var pool = Enumerable.Range(0, candidates).ToArray();
        var n = Math.Min(count, pool.Length);
        var random = new Random(seed);
        for (var i = 0; i < n; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        var indices = pool[..n];
        Array.Sort(indices);
        return indices;
    }

    /// <summary>
    /// Visits the windows of <paramref name="stream"/> that hold <paramref name="indices"/> (ascending, each below the
    /// stream's last token, whose successor is the target), batching windows of equal length.
    /// </summary>
    public static void Visit(int[] stream, int contextLength, IReadOnlyList<int> indices, Device device, Action<Tensor, Tensor, Tensor> visit)
    {
        var windowsPerBatch = Math.Max(1, PositionsPerBatch / contextLength);
        var batch = new List<IGrouping<int, int>>();
        var batchLength = 0;
        foreach (var window in indices.GroupBy(i => i / contextLength))
        {
            // A window's inputs end where the stream's last target is: only the final window can be shorter.
            var length = Math.Min(contextLength, stream.Length - 1 - window.Key * contextLength);
            if (batch.Count == windowsPerBatch || (batch.Count > 0 && length != batchLength))
            {
                VisitBatch(stream, contextLength, batch, batchLength, device, visit);
                batch.Clear();
            }
            batch.Add(window);
            batchLength = length;
        }
        if (batch.Count > 0) VisitBatch(stream, contextLength, batch, batchLength, device, visit);
    }

    private static void VisitBatch(int[] stream, int contextLength, List<IGrouping<int, int>> batch, int length, Device device,
        Action<Tensor, Tensor, Tensor> visit)
    {
        using var scope = NewDisposeScope();
        var inputs = new long[batch.Count * length];
        var rows = new List<long>();
        var targets = new List<long>();
        for (var b = 0; b < batch.Count; b++)
        {
            var start = batch[b].Key * contextLength;
            for (var t = 0; t < length; t++) inputs[b * length + t] = stream[start + t];
            foreach (var index in batch[b])
            {
                rows.Add(b * length + index - start);
                targets.Add(stream[index + 1]);
            }
        }
        visit(tensor(inputs, [batch.Count, length]).to(device), tensor(rows.ToArray()).to(device), tensor(targets.ToArray()).to(device));
    }
}
