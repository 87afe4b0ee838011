using TorchSharp.Modules;

namespace OrleansSweep.Compute.Models;

/// <summary>An unconstrained head W ∈ R^{V×d}: its own parameter, or the token embedding when tied.</summary>
public sealed class FullRankHead : LmHead
{
    private readonly Parameter? weight;
    // Tied weights are read through a delegate so the embedding's parameter is registered once, not twice.
    private readonly Func<Tensor>? tiedWeight;

    public FullRankHead(int vocabularySize, int dModel) : base(nameof(FullRankHead))
    {
        weight = new Parameter(empty(vocabularySize, dModel));
        RegisterComponents();
    }

    public FullRankHead(Func<Tensor> tiedWeight) : base(nameof(FullRankHead))
    {
        this.tiedWeight = tiedWeight;
        RegisterComponents();
    }

    public override Tensor Weight() => weight ?? tiedWeight!();

    public override Tensor forward(Tensor hidden) => nn.functional.linear(hidden, Weight());
}
