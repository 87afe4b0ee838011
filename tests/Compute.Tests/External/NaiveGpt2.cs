namespace OrleansSweep.Compute.Tests.External;

/// <summary>
/// GPT-2's forward written from Hugging Face's definition (GPT2LMHeadModel, eval mode) with loops over double arrays:
/// the independent reference for the module under test. Weights are keyed by their names without a prefix and laid out as
/// stored: Conv1D weights (in, out), so y_j = Σ_i x_i W[i, j] + b_j.
/// </summary>
internal sealed class NaiveGpt2(IReadOnlyDictionary<string, double[]> weights, RandomGpt2.Shape shape)
{
    /// <summary>Hidden states [embedding, block 1 … L, final LayerNorm] (T × d each) and logits (T × V) for one sequence.</summary>
    public (List<double[,]> States, double[,] Logits) Forward(int[] tokens)
    {
        int t = tokens.Length, d = shape.D;
        var x = new double[t, d];
        for (var p = 0; p < t; p++)
            for (var c = 0; c < d; c++)
                x[p, c] = weights["wte.weight"][tokens[p] * d + c] + weights["wpe.weight"][p * d + c];
        var states = new List<double[,]> { (double[,])x.Clone() };
        for (var l = 0; l < shape.Layers; l++)
        {
            var prefix = $"h.{l}.";
            var a = LayerNorm(x, prefix + "ln_1");
            var qkv = Conv1D(a, prefix + "attn.c_attn", d, 3 * d);
            var attended = Attention(qkv);
            Add(x, Conv1D(attended, prefix + "attn.c_proj", d, d));
            var m = Conv1D(LayerNorm(x, prefix + "ln_2"), prefix + "mlp.c_fc", d, shape.Inner);
            for (var p = 0; p < t; p++)
                for (var j = 0; j < shape.Inner; j++)
                    m[p, j] = GeluNew(m[p, j]);
            Add(x, Conv1D(m, prefix + "mlp.c_proj", shape.Inner, d));
            states.Add((double[,])x.Clone());
        }
        var final = LayerNorm(x, "ln_f");
        states.Add(final);
        var head = weights.TryGetValue("lm_head.weight", out var separate) ? separate : weights["wte.weight"];
        var logits = new double[t, shape.V];
        for (var p = 0; p < t; p++)
            for (var v = 0; v < shape.V; v++)
                for (var c = 0; c < d; c++)
                    logits[p, v] += head[v * d + c] * final[p, c];
        return (states, logits);
    }

    // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))): transformers' NewGELUActivation.
    private static double GeluNew(double x) => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));

    private double[,] LayerNorm(double[,] x, string name)
    {
        int t = x.GetLength(0), d = x.GetLength(1);
        var y = new double[t, d];
        for (var p = 0; p < t; p++)
        {
            double mean = 0, variance = 0;
            for (var c = 0; c < d; c++) mean += x[p, c] / d;
            for (var c = 0; c < d; c++) variance += (x[p, c] - mean) * (x[p, c] - mean) / d; // biased, as torch's LayerNorm
            for (var c = 0; c < d; c++)
                y[p, c] = (x[p, c] - mean) / Math.Sqrt(variance + shape.Epsilon) * weights[name + ".weight"][c] + weights[name + ".bias"][c];
        }
        return y;
    }

    private double[,] Conv1D(double[,] x, string name, int inputs, int outputs)
    {
        var w = weights[name + ".weight"];
        var b = weights[name + ".bias"];
        var t = x.GetLength(0);
        var y = new double[t, outputs];
        for (var p = 0; p < t; p++)
            for (var j = 0; j < outputs; j++)
            {
                var sum = b[j];
                for (var i = 0; i < inputs; i++) sum += x[p, i] * w[i * outputs + j];
                y[p, j] = sum;
            }
        return y;
    }

    // Heads split the last dimension of q, k and v (columns [0, d), [d, 2d), [2d, 3d)); position p attends to s ≤ p.
    private double[,] Attention(double[,] qkv)
    {
        int t = qkv.GetLength(0), d = shape.D, size = d / shape.Heads;
        var y = new double[t, d];
        for (var h = 0; h < shape.Heads; h++)
            for (var p = 0; p < t; p++)
            {
                var scores = new double[p + 1];
                for (var s = 0; s <= p; s++)
                {
                    for (var e = 0; e < size; e++) scores[s] += qkv[p, h * size + e] * qkv[s, d + h * size + e];
                    scores[s] /= Math.Sqrt(size);
                }
                var max = scores.Max();
                var total = scores.Sum(z => Math.Exp(z - max));
                for (var s = 0; s <= p; s++)
                {
                    var weight = Math.Exp(scores[s] - max) / total;
                    for (var e = 0; e < size; e++) y[p, h * size + e] += weight * qkv[s, 2 * d + h * size + e];
                }
            }
        return y;
    }

    private static void Add(double[,] x, double[,] y)
    {
        for (var p = 0; p < x.GetLength(0); p++)
            for (var c = 0; c < x.GetLength(1); c++)
                x[p, c] += y[p, c];
    }
}
