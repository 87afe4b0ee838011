namespace OrleansSweep.Compute.Benchmarks;

/// <summary>What <see cref="GemmPeak"/> measured.</summary>
/// <param name="Size">n of the n×n float32 matrices multiplied.</param>
/// <param name="Repeats">Timed matmuls, after the warmup ones.</param>
/// <param name="SecondsPerMatmul">Median wall time of one matmul.</param>
/// <param name="FlopsPerSecond">2·n³ / <paramref name="SecondsPerMatmul"/>.</param>
public sealed record GemmPeakResult(int Size, int Repeats, double SecondsPerMatmul, double FlopsPerSecond);
