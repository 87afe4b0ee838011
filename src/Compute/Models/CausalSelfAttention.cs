using TorchSharp.Modules;

namespace OrleansSweep.Compute.Models;

/// <summary>
/// Multi-head causal self-attention through the fused scaled_dot_product_attention kernel. Attention probabilities are not
/// dropped: the kernel would draw that mask from torch's global generator, which is not per run.
/// </summary>
public sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly Linear c_attn;
    private readonly Linear c_proj;
    private readonly SeededDropout resid_dropout;
    private readonly int heads;

    public CausalSelfAttention(GptConfig config, Generator generator) : base(nameof(CausalSelfAttention))
    {
        c_attn = nn.Linear(config.DModel, 3 * config.DModel);
        c_proj = nn.Linear(config.DModel, config.DModel);
        resid_dropout = new SeededDropout(config.Dropout, generator);
        heads = config.Heads;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var (b, t, c) = (x.shape[0], x.shape[1], x.shape[2]);
        var qkv = c_attn.call(x).split(c, dim: 2);
        var q = qkv[0].view(b, t, heads, c / heads).transpose(1, 2); // (B, nh, T, hs)
        var k = qkv[1].view(b, t, heads, c / heads).transpose(1, 2); // (B, nh, T, hs)
        var v = qkv[2].view(b, t, heads, c / heads).transpose(1, 2); // (B, nh, T, hs)
        var y = nn.functional.scaled_dot_product_attention(q, k, v, is_casual: true);
        y = y.transpose(1, 2).contiguous().view(b, t, c); // (B, T, C)
        return resid_dropout.call(c_proj.call(y));
    }
}
