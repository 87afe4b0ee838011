namespace OrleansSweep.Compute.Probes;

/// <summary>Anisotropy per layer on a fixed held-out sample (SCIENCE §1).</summary>
/// <param name="PerLayer">Index 0: embedding output; index ℓ: output of block ℓ (L + 1 values).</param>
/// <param name="Final">After the final LayerNorm: the head's input.</param>
/// <param name="Positions">Token positions in the sample (M).</param>
public sealed record AnisotropyResult(IReadOnlyList<double> PerLayer, double Final, int Positions);
