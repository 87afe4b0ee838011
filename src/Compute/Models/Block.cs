using OrleansSweep.Compute.Arithmetic;
using TorchSharp.Modules;

namespace OrleansSweep.Compute.Models;

/// <summary>A pre-LayerNorm transformer block: x + attn(ln(x)), then x + mlp(ln(x)).</summary>
public sealed class Block : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm ln_1;
    private readonly CausalSelfAttention attn;
    private readonly LayerNorm ln_2;
    private readonly Mlp mlp;

    public Block(GptConfig config, Generator generator) : base(nameof(Block))
    {
        ln_1 = nn.LayerNorm(config.DModel);
        attn = new CausalSelfAttention(config, generator);
        ln_2 = nn.LayerNorm(config.DModel);
        mlp = new Mlp(config, generator);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = x.Plus(attn.call(ln_1.call(x)));
        return x.Plus(mlp.call(ln_2.call(x)));
    }
}
