using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Optimization;
using OrleansSweep.Compute.Tests.Training;
using OrleansSweep.Compute.Training;
using TorchSharp.Modules;

namespace OrleansSweep.Compute.Tests.Optimization;

/// <summary>A tiny GPT, its batches and one training step with either TorchSharp's optimizer or ours.</summary>
internal static class OptimizerFixtures
{
    public const double Beta1 = 0.9;
    public const double Beta2 = 0.95;
    public const double WeightDecay = 0.1;

    private static readonly Lazy<BatchSampler> Sampler = new(() =>
        new BatchSampler(TrainingFixtures.Markov(32, 4).Train, 16, 8, seed: 5));

    /// <summary>The same weights for the same seed.</summary>
    public static Gpt Model(int seed = 3) => new(TrainingFixtures.Model(32, 8, layers: 2), new Generator((ulong)seed));

    /// <summary>Matrices decay, vectors do not: the trainer's two groups.</summary>
    public static AdamWGroup[] Groups(Gpt model)
    {
        var parameters = model.parameters().ToArray();
        return [new(parameters.Where(p => p.dim() >= 2).ToArray(), WeightDecay), new(parameters.Where(p => p.dim() < 2).ToArray(), 0)];
    }

    /// <summary>TorchSharp's AdamW over the same two groups.</summary>
    public static AdamW TorchSharpAdamW(Gpt model) => optim.AdamW(Groups(model)
        .Select(g => new AdamW.ParamGroup(g.Parameters, 1e-3, Beta1, Beta2, 1e-8, g.WeightDecay)).ToArray());

    /// <summary>A learning rate that changes every step, so a stale rate would show.</summary>
    public static double LearningRate(int step) => 1e-2 * (1 + step % 3) / 3;

    /// <summary>Loss of batch <paramref name="step"/> with fresh gradients in the model.</summary>
    public static float Backward(Gpt model, int step)
    {
        var (inputs, targets) = Sampler.Value.Batch(step, CPU);
        var logits = model.call(inputs); // (B, T, V)
        var loss = nn.functional.cross_entropy(logits.view(-1, logits.shape[2]), targets.view(-1));
        loss.backward();
        return loss.item<float>();
    }

    /// <summary>One step with TorchSharp's AdamW and nn.utils.clip_grad_norm_; returns the norm before clipping.</summary>
    public static double TorchSharpStep(Gpt model, AdamW optimizer, int step, double maxNorm)
    {
        using var scope = NewDisposeScope();
        foreach (var group in optimizer.ParamGroups) group.LearningRate = LearningRate(step);
        optimizer.zero_grad();
        Backward(model, step);
        var norm = nn.utils.clip_grad_norm_(model.parameters(), maxNorm);
        optimizer.step();
        return norm;
    }

    /// <summary>One step with <see cref="AdamWOptimizer"/> and <see cref="GradientClipping"/>; returns the norm before clipping.</summary>
    public static double OwnStep(Gpt model, AdamWOptimizer optimizer, int step, double maxNorm)
    {
        using var scope = NewDisposeScope();
        optimizer.ZeroGrad();
        Backward(model, step);
        var norm = GradientClipping.ClipGlobalNorm(model.parameters(), maxNorm);
        optimizer.Step(LearningRate(step));
        return norm;
    }

    /// <summary>Every parameter as flat float32 values, in order.</summary>
    public static float[][] Weights(Gpt model) => model.parameters().Select(p => p.detach().cpu().data<float>().ToArray()).ToArray();
}
