namespace OrleansSweep.Compute.Training;

/// <summary>
/// Draws the windows of one step from (seed, step) alone. The data cursor is then just the step, and a run resumed at step s
/// sees exactly the batches an uninterrupted run would have seen. Windows start at multiples of
/// <paramref name="sequenceLength"/>, so a stream of independent sequences is cut where its sequences start.
/// </summary>
public sealed class BatchSampler(int[] stream, int contextLength, int batchSize, int seed, int sequenceLength = 1)
{
    /// <summary>Inputs and next-token targets, both (B, T) int64 on <paramref name="device"/>.</summary>
    public (Tensor Inputs, Tensor Targets) Batch(int step, Device device)
    {
        var span = stream.Length - contextLength - 1;
        if (span < 0)
            throw new ArgumentException($"the training stream ({stream.Length} tokens) is shorter than context + 1 ({contextLength + 1}).");
        var random = new System.Random(StableSeed.Mix(seed, step));
        var inputs = new long[batchSize * contextLength];
        var targets = new long[batchSize * contextLength];
        for (var b = 0; b < batchSize; b++)
        {
            var start = random.Next(span / sequenceLength + 1) * sequenceLength;
            for (var t = 0; t < contextLength; t++)
            {
                inputs[b * contextLength + t] = stream[start + t];
                targets[b * contextLength + t] = stream[start + t + 1];
            }
        }
        return (tensor(inputs, [batchSize, contextLength]).to(device), tensor(targets, [batchSize, contextLength]).to(device));
    }
}
