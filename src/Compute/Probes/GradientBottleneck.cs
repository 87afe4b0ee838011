using OrleansSweep.Compute.Arithmetic;

namespace OrleansSweep.Compute.Probes;

/// <summary>
/// The share of the logit gradient g = softmax(z) − onehot(y) that lies in the column space of W (SCIENCE §4): only that part
/// reaches the body through Wᵀg, the rest is lost in backpropagation.
/// </summary>
public static class GradientBottleneck
{
    /// <summary>Kept and suppressed fractions of the gradients of <paramref name="logits"/> (N, V) at <paramref name="targets"/> (N).</summary>
    public static GradientBottleneckResult Measure(Tensor weight, Tensor logits, Tensor targets)
    {
        using var scope = NewDisposeScope();
        return Project(ColumnBasis(weight), LogitGradients(logits, targets));
    }

    /// <summary>g = softmax(z) − onehot(y) per row, (N, V) float64: the cross-entropy's gradient with respect to the logits.</summary>
    public static Tensor LogitGradients(Tensor logits, Tensor targets)
    {
        // One (N, V) tensor, not four (float64 copy, softmax, one-hot, difference): at GPT-2's V a batch's gradients are large.
        var gradients = logits.detach().softmax(1, float64);
        var minusOne = ones(logits.shape[0], 1, float64, logits.device).neg_();
        return gradients.scatter_add_(1, targets.to(int64).unsqueeze(1), minusOne);
    }

    /// <summary>
    /// An orthonormal basis Q (V, r) of the column space of <paramref name="weight"/> (V, d), float64. SVD rather than QR so a
    /// rank-deficient head (a factorised W = A·B with r &lt; d) gets r columns, not d: QR would add directions W cannot reach.
    /// </summary>
    public static Tensor ColumnBasis(Tensor weight)
    {
        var (u, s, _) = linalg.svd(weight.detach().to(float64), fullMatrices: false);
        // numpy's matrix_rank rule, with the precision W was stored in: below it a σ is rounding noise.
        var epsilon = weight.dtype switch { ScalarType.Float64 => 2.2e-16, ScalarType.Float32 => 1.2e-7, _ => 7.8e-3 };
        var tolerance = s.max().item<double>() * Math.Max(weight.shape[0], weight.shape[1]) * epsilon;
        var rank = (int)s.GreaterThan(tolerance).sum().item<long>();
        return u[.., ..rank];
    }

    /// <summary>Mean kept, suppressed and energy fractions of the rows of <paramref name="gradients"/> (N, V) against the orthonormal <paramref name="basis"/>.</summary>
    public static GradientBottleneckResult Project(Tensor basis, Tensor gradients)
    {
        using var scope = NewDisposeScope();
        var g = gradients.to(float64);
        var norm = g.norm(1).AtLeast(1e-300); // (N)
        var coordinates = g.matmul(basis); // (N, r): ‖QQᵀg‖ = ‖Qᵀg‖ since Q is orthonormal
        var kept = coordinates.norm(1).div(norm);
        // The residual is measured, not derived from kept, so the identity suppressed² + kept² = 1 stays a check.
        var suppressed = coordinates.matmul(basis.t()).sub_(g).norm(1).div(norm); // ‖QQᵀg − g‖, in place
        return new GradientBottleneckResult(kept.mean().item<double>(), suppressed.mean().item<double>(),
            kept.Squared().mean().item<double>(), (int)g.shape[0]);
    }
}
