namespace OrleansSweep.Compute.Models;

/// <summary>The map from the final hidden state to logits, z = W h; probes read W through <see cref="Weight"/>.</summary>
public abstract class LmHead(string name) : nn.Module<Tensor, Tensor>(name)
{
    /// <summary>The effective V×d matrix W (for a factorised head, the product).</summary>
    public abstract Tensor Weight();
}
