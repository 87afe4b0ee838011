using OrleansSweep.Compute.Arithmetic;

namespace OrleansSweep.Compute.External;

/// <summary>
/// One block of Hugging Face's GPT-2, computed from its stored weights: x + attn(ln_1(x)), then x + mlp(ln_2(x)). Its
/// linear maps are Conv1D, stored (in, out) and applied as x·W + b, the transpose of torch's Linear.
/// </summary>
public sealed class Gpt2Block : IDisposable
{
    private readonly Gpt2Config config;
    private readonly Tensor ln1Weight, ln1Bias, attnWeight, attnBias, attnProjWeight, attnProjBias;
    private readonly Tensor ln2Weight, ln2Bias, fcWeight, fcBias, mlpProjWeight, mlpProjBias;

    /// <summary>Reads block <paramref name="index"/> through <paramref name="read"/>(name without prefix, expected shape).</summary>
    public Gpt2Block(Gpt2Config config, int index, Func<string, long[], Tensor> read)
    {
        this.config = config;
        long d = config.DModel, inner = config.MlpWidth;
        var p = $"h.{index}.";
        ln1Weight = read(p + "ln_1.weight", [d]);
        ln1Bias = read(p + "ln_1.bias", [d]);
        attnWeight = read(p + "attn.c_attn.weight", [d, 3 * d]);
        attnBias = read(p + "attn.c_attn.bias", [3 * d]);
        attnProjWeight = read(p + "attn.c_proj.weight", [d, d]);
        attnProjBias = read(p + "attn.c_proj.bias", [d]);
        ln2Weight = read(p + "ln_2.weight", [d]);
        ln2Bias = read(p + "ln_2.bias", [d]);
        fcWeight = read(p + "mlp.c_fc.weight", [d, inner]);
        fcBias = read(p + "mlp.c_fc.bias", [inner]);
        mlpProjWeight = read(p + "mlp.c_proj.weight", [inner, d]);
        mlpProjBias = read(p + "mlp.c_proj.bias", [d]);
    }

    /// <summary>(B, T, d) to (B, T, d).</summary>
    public Tensor Forward(Tensor x)
    {
        var (b, t, c) = (x.shape[0], x.shape[1], x.shape[2]);
        var heads = config.Heads;
        var qkv = Conv1D(LayerNorm(x, ln1Weight, ln1Bias, config.LayerNormEpsilon), attnWeight, attnBias).split(c, dim: 2); // 3 × (B, T, C): q, k, v
        var q = qkv[0].view(b, t, heads, c / heads).transpose(1, 2); // (B, nh, T, hs)
        var k = qkv[1].view(b, t, heads, c / heads).transpose(1, 2); // (B, nh, T, hs)
        var v = qkv[2].view(b, t, heads, c / heads).transpose(1, 2); // (B, nh, T, hs)
        // Default scale 1/sqrt(hs) and a causal mask: GPT-2's attention with scale_attn_weights.
        var y = nn.functional.scaled_dot_product_attention(q, k, v, is_casual: true);
        y = y.transpose(1, 2).contiguous().view(b, t, c); // (B, T, C)
        x = x.Plus(Conv1D(y, attnProjWeight, attnProjBias));
        var hidden = GeluNew(Conv1D(LayerNorm(x, ln2Weight, ln2Bias, config.LayerNormEpsilon), fcWeight, fcBias)); // (B, T, inner)
        return x.Plus(Conv1D(hidden, mlpProjWeight, mlpProjBias));
    }

    /// <summary>Hugging Face's gelu_new: the tanh approximation 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).</summary>
    public static Tensor GeluNew(Tensor x) =>
        x.Times(0.5).mul(tanh(x.Plus(x.Power(3).Times(0.044715)).Times(Math.Sqrt(2.0 / Math.PI))).Plus(1.0));

    /// <summary>LayerNorm over the last dimension with ε = <paramref name="epsilon"/>.</summary>
    public static Tensor LayerNorm(Tensor x, Tensor weight, Tensor bias, double epsilon) =>
        nn.functional.layer_norm(x, [x.shape[^1]], weight, bias, epsilon);

    public void Dispose()
    {
        foreach (var t in new[] { ln1Weight, ln1Bias, attnWeight, attnBias, attnProjWeight, attnProjBias, ln2Weight, ln2Bias, fcWeight, fcBias, mlpProjWeight, mlpProjBias })
            t.Dispose();
    }

    private static Tensor Conv1D(Tensor x, Tensor weight, Tensor bias) => x.matmul(weight).Plus(bias);
}
