namespace OrleansSweep.Compute.Corpora;

/// <summary>A Monte Carlo estimate of a language's entropy rate in nats per token.</summary>
/// <param name="Rate">−(1/n) ln P(x_1..x_n) on a sample of n tokens.</param>
/// <param name="StandardError">Standard error of <paramref name="Rate"/> from the spread of batch means.</param>
/// <param name="Tokens">n, the sample size.</param>
public sealed record EntropyRateEstimate(double Rate, double StandardError, int Tokens);
