using TorchSharp.Modules;

namespace OrleansSweep.Compute.Optimization;

/// <summary>Parameters that share one decoupled weight decay (matrices decay; biases and LayerNorm gains do not).</summary>
public sealed record AdamWGroup(IReadOnlyList<Parameter> Parameters, double WeightDecay);
