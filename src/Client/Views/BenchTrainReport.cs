using OrleansSweep.Compute.Benchmarks;

namespace OrleansSweep.Client.Views;

/// <summary>
/// What <c>bench train --json</c> prints: one JSON document, camelCase, numbers in base units (seconds, FLOP/s, MFU as a
/// fraction, not a percentage); the values below are illustrative:
/// <code>
/// {
///   "device": "cpu",                 // the device the runs used: "cpu" or "cuda"
///   "threads": 2,                    // torch intra-op threads during the runs
///   "warmupSteps": 3,                // untimed optimizer steps per config
///   "timedSteps": 10,                // timed optimizer steps per config
///   "gemmPeak": { "size": 2048, "repeats": 5, "secondsPerMatmul": 0.31, "flopsPerSecond": 5.5e10 },
///   "runs": [ {
///     "vocabularySize": 256, "contextLength": 64, "dModel": 16, "layers": 2, "batchSize": 32,
///     "parameters": 15808,           // all trainable parameters
///     "matmulWeights": 10240,        // N of 6·N + 12·L·T·d (see ModelFlops.MatmulWeights)
///     "flopsPerToken": 86016,
///     "timedSteps": 10, "secondsPerStep": 0.01, "tokensPerSecond": 2.0e5,
///     "flopsPerSecond": 1.7e10,      // flopsPerToken × tokensPerSecond
///     "mfu": 0.31                    // flopsPerSecond / gemmPeak.flopsPerSecond
///   } ]
/// }
/// </code>
/// </summary>
public sealed record BenchTrainReport(
    string Device,
    int Threads,
    int WarmupSteps,
    int TimedSteps,
    GemmPeakResult GemmPeak,
    IReadOnlyList<ThroughputResult> Runs);
