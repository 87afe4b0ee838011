using TorchSharp.Modules;

namespace OrleansSweep.Compute.Models;

/// <summary>
/// A rank-constrained head W = A·B, A ∈ R^{V×r}, B ∈ R^{r×d} (SCIENCE §8): its rank is at most r whatever it learns.
/// Constructed uninitialised, as <see cref="FullRankHead"/> is; <see cref="Initialize"/> draws the §8 init.
/// </summary>
public sealed class FactorizedHead : LmHead
{
    private readonly Parameter a;
    private readonly Parameter b;

    public FactorizedHead(int vocabularySize, int rank, int dModel) : base(nameof(FactorizedHead))
    {
        if (rank < 1) throw new ArgumentException($"head_rank must be at least 1, not {rank}.");
        a = new Parameter(empty(vocabularySize, rank));
        b = new Parameter(empty(rank, dModel));
        Rank = rank;
        RegisterComponents();
    }

    /// <summary>r, the inner dimension of the product.</summary>
    public int Rank { get; }

    /// <summary>Draws A and B from N(0, 1/fan-in): fan-in r for A, d for B, so logits start with unit variance.</summary>
    public void Initialize(Generator generator)
    {
        using var noGrad = no_grad();
        // Tensor.normal_, not nn.init.normal_: in TorchSharp 0.107 the latter ignores its generator argument.
        a.normal_(0, 1 / Math.Sqrt(a.shape[1]), generator);
        b.normal_(0, 1 / Math.Sqrt(b.shape[1]), generator);
    }

    /// <summary>The V×d product A·B.</summary>
    public override Tensor Weight() => a.matmul(b);

    /// <summary>h·Bᵀ·Aᵀ: through the r-dimensional bottleneck, without forming W when that is cheaper.</summary>
    public override Tensor forward(Tensor hidden)
    {
        long v = a.shape[0], d = b.shape[1], r = Rank;
        // Per token, the factored path costs r·(d + V) multiply-adds and the product V·d (plus V·r·d once to form W).
        return r * (d + v) <= v * d
            ? nn.functional.linear(nn.functional.linear(hidden, b), a) // (…, r) then (…, V)
            : nn.functional.linear(hidden, Weight());
    }
}
