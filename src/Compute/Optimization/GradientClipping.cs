using TorchSharp.Modules;

namespace OrleansSweep.Compute.Optimization;

/// <summary>
/// Global-norm gradient clipping with the arithmetic of nn.utils.clip_grad_norm_ (L2), but with its one <see cref="Scalar"/>
/// held alive across the native call (see <see cref="AdamWOptimizer"/> for why that matters when runs share a process).
/// </summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales every gradient by max_norm/(‖g‖ + 1e-6) when that is below 1, ‖g‖ the L2 norm of all gradients as one vector;
    /// returns ‖g‖ before clipping. An infinite <paramref name="maxNorm"/> only measures.
    /// </summary>
    public static double ClipGlobalNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var gradients = parameters.Select(p => p.grad).OfType<Tensor>().ToArray();
        if (gradients.Length == 0) return 0;
        var norms = gradients.Select(g => g.norm()).ToArray();
        var total = (norms.Length == 1 ? norms[0] : stack(norms).norm()).item<float>();
        // libtorch computes the coefficient in the gradients' float32 and clamps it at 1 (a NaN stays NaN and is applied).
        var coefficient = (float)maxNorm / (total + 1e-6f);
        if (!(coefficient >= 1))
        {
            using var scale = coefficient.ToScalar();
            foreach (var gradient in gradients) gradient.mul_(scale);
        }
        return total;
    }
}
