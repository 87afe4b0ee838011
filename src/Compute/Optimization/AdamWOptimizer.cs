using TorchSharp.Modules;

namespace OrleansSweep.Compute.Optimization;

/// <summary>
/// AdamW (decoupled weight decay, bias-corrected moments), step for step the arithmetic of torch.optim.AdamW. It exists because
/// TorchSharp's own optimizer passes numbers to libtorch as implicitly converted <see cref="Scalar"/>s that only a finalizer
/// frees: a GC started by another thread can free one while the native call still reads it, and runs sharing a process then
/// fail at random steps. Here every <see cref="Scalar"/> is a local that is disposed after its native call, which keeps it alive.
/// </summary>
public sealed class AdamWOptimizer : IDisposable
{
    private readonly AdamWGroup[] groups;
    private readonly double beta1;
    private readonly double beta2;
    private readonly double epsilon;
    // Per parameter, in group order: updates done, first and second moment.
    private readonly long[] steps;
    private readonly Tensor[] expAvg;
    private readonly Tensor[] expAvgSq;

    public AdamWOptimizer(IReadOnlyList<AdamWGroup> groups, double beta1, double beta2, double epsilon = 1e-8)
    {
        if (beta1 is < 0 or >= 1) throw new ArgumentException($"beta1 must lie in [0, 1), not {beta1}.");
        if (beta2 is < 0 or >= 1) throw new ArgumentException($"beta2 must lie in [0, 1), not {beta2}.");
        if (epsilon < 0) throw new ArgumentException($"epsilon must not be negative, not {epsilon}.");
        if (groups.Any(g => g.WeightDecay < 0)) throw new ArgumentException("weight decay must not be negative.");
        this.groups = groups.ToArray();
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        var parameters = Parameters.ToArray();
        steps = new long[parameters.Length];
        // The moments outlive any scope the caller builds the optimizer in.
        expAvg = parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        expAvgSq = parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    /// <summary>Every parameter, in group order: the order of the saved state.</summary>
    public IEnumerable<Parameter> Parameters => groups.SelectMany(g => g.Parameters);

    /// <summary>Zeroes the gradients in place (what backward accumulates into).</summary>
    public void ZeroGrad()
    {
        using var scope = NewDisposeScope();
        foreach (var parameter in Parameters) parameter.grad?.zero_();
    }

    /// <summary>One update of every parameter that has a gradient, at <paramref name="learningRate"/>.</summary>
    public void Step(double learningRate)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var beta1Scalar = beta1.ToScalar();
        using var beta2Scalar = beta2.ToScalar();
        using var gradientWeight = (1 - beta1).ToScalar();
        using var squareWeight = (1 - beta2).ToScalar();
        using var epsilonScalar = epsilon.ToScalar();
        using var one = 1.ToScalar(); // add_(scalar) alone would pass alpha = 1 as a Scalar nothing holds
        var i = 0;
        foreach (var group in groups)
        {
            using var decay = (1 - learningRate * group.WeightDecay).ToScalar();
            foreach (var parameter in group.Parameters)
            {
                var index = i++;
                var gradient = parameter.grad;
                if (gradient is null) continue;
                var step = ++steps[index];
                var biasCorrection1 = 1 - Math.Pow(beta1, step);
                var biasCorrection2 = 1 - Math.Pow(beta2, step);
                parameter.mul_(decay);
                expAvg[index].mul_(beta1Scalar).add_(gradient, gradientWeight);
                expAvgSq[index].mul_(beta2Scalar).addcmul_(gradient, gradient, squareWeight);
                using var root = Math.Sqrt(biasCorrection2).ToScalar();
                var denominator = expAvgSq[index].sqrt().div_(root).add_(epsilonScalar, one);
                using var stepSize = (-learningRate / biasCorrection1).ToScalar();
                parameter.addcdiv_(expAvg[index], denominator, stepSize);
            }
        }
    }

    /// <summary>Writes the state (per parameter: steps, first moment, second moment) for <see cref="Load"/>.</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(steps.Length);
        for (var i = 0; i < steps.Length; i++)
        {
            writer.Write(steps[i]);
            expAvg[i].Save(writer);
            expAvgSq[i].Save(writer);
        }
    }

    /// <summary>Restores the state written by <see cref="Save"/> from an optimizer over parameters of the same shapes.</summary>
    public void Load(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count != steps.Length)
            throw new InvalidDataException($"the saved optimizer state has {count} parameters but this optimizer has {steps.Length}.");
        using var noGrad = no_grad();
        for (var i = 0; i < count; i++)
        {
            steps[i] = reader.ReadInt64();
            expAvg[i].Load(reader);
            expAvgSq[i].Load(reader);
        }
    }

    public void Dispose()
    {
        foreach (var moment in expAvg.Concat(expAvgSq)) moment.Dispose();
    }
}
