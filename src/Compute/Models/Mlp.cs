using TorchSharp.Modules;

namespace OrleansSweep.Compute.Models;

/// <summary>The position-wise feed-forward net: Linear, GELU, Linear.</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear c_fc;
    private readonly Linear c_proj;
    private readonly SeededDropout dropout;

    public Mlp(GptConfig config, Generator generator) : base(nameof(Mlp))
    {
        c_fc = nn.Linear(config.DModel, config.MlpRatio * config.DModel);
        c_proj = nn.Linear(config.MlpRatio * config.DModel, config.DModel);
        dropout = new SeededDropout(config.Dropout, generator);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => dropout.call(c_proj.call(nn.functional.gelu(c_fc.call(x))));
}
