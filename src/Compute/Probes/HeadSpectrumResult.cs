namespace OrleansSweep.Compute.Probes;

/// <summary>The LM head's spectrum (SCIENCE §2–3).</summary>
/// <param name="Singular">All σ of W, descending (k = min(V, d) values).</param>
/// <param name="TopRatios">σ_i/σ_1 for the top 100.</param>
/// <param name="SingularEntropy">KL(p‖U) = ln k − H(p), p_i = σ_i/Σσ, in nats.</param>
/// <param name="WError">W-error(r) for r = 0..k.</param>
public sealed record HeadSpectrumResult(double[] Singular, double[] TopRatios, double SingularEntropy, double[] WError);
