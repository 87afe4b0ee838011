using OrleansSweep.Compute.Arithmetic;
using OrleansSweep.Compute.Models;

namespace OrleansSweep.Compute.Training;

/// <summary>
/// Mean next-token cross-entropy on the first EvalTokens targets of the held-out stream, cut into consecutive windows of
/// the context length, so the same tokens are scored at every evaluation.
/// </summary>
public sealed class HeldOutEvaluator
{
    private const int WindowsPerBatch = 64;
    private readonly long[] inputs;
    private readonly long[] targets;
    private readonly int windows;
    private readonly int contextLength;

    public HeldOutEvaluator(int[] heldOut, int contextLength, int evalTokens)
    {
        this.contextLength = contextLength;
        windows = WindowCount(heldOut, contextLength, evalTokens);
        inputs = new long[windows * contextLength];
        targets = new long[windows * contextLength];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = heldOut[i];
            targets[i] = heldOut[i + 1];
        }
    }

    /// <summary>
    /// Consecutive context-length windows in the first <paramref name="maxTokens"/> targets of the held-out stream: the cut
    /// that evaluation and the probes share, so a probed position has the left context it is evaluated with.
    /// </summary>
    public static int WindowCount(int[] heldOut, int contextLength, int maxTokens)
    {
        var windows = Math.Min(maxTokens, heldOut.Length - 1) / contextLength;
        if (windows < 1)
            throw new ArgumentException($"the held-out stream ({heldOut.Length} tokens) is shorter than context + 1 ({contextLength + 1}).");
        return windows;
    }

    /// <summary>Scored tokens.</summary>
    public int Tokens => windows * contextLength;

    /// <summary>Evaluates <paramref name="model"/> in eval mode without gradients, then restores its mode.</summary>
    public EvalResult Evaluate(nn.Module<Tensor, Tensor> model, int step, Device device)
    {
        double sum = 0, sumOfSquares = 0;
        using (new EvaluationMode(model))
        {
            for (var first = 0; first < windows; first += WindowsPerBatch)
            {
                using var scope = NewDisposeScope();
                var count = Math.Min(WindowsPerBatch, windows - first);
                var x = tensor(inputs.AsSpan(first * contextLength, count * contextLength).ToArray(), [count, contextLength]).to(device);
                var y = tensor(targets.AsSpan(first * contextLength, count * contextLength).ToArray(), [count, contextLength]).to(device);
                var logits = model.call(x); // (B, T, V)
                var losses = nn.functional.cross_entropy(logits.view(-1, logits.shape[2]), y.view(-1), reduction: nn.Reduction.None)
                    .to(float64);
                sum += losses.sum().item<double>();
                sumOfSquares += losses.Squared().sum().item<double>();
            }
        }
        var n = Tokens;
        var mean = sum / n;
        var variance = Math.Max(0, sumOfSquares / n - mean * mean) * n / Math.Max(1, n - 1);
        return new EvalResult(step, mean, Math.Sqrt(variance / n), n);
    }
}
