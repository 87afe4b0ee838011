namespace OrleansSweep.Compute.Benchmarks;

/// <summary>What <see cref="TrainingThroughput"/> measured for one model shape and batch size.</summary>
/// <param name="VocabularySize">V.</param>
/// <param name="ContextLength">T, tokens per sequence.</param>
/// <param name="DModel">d.</param>
/// <param name="Layers">L.</param>
/// <param name="BatchSize">B, sequences per step; a step trains on B·T tokens.</param>
/// <param name="Parameters">Trainable parameters of the built model, embeddings and head included.</param>
/// <param name="MatmulWeights">N of the FLOPs estimate, see <see cref="ModelFlops.MatmulWeights"/>.</param>
/// <param name="FlopsPerToken">6·N + 12·L·T·d, see <see cref="ModelFlops.PerToken"/>.</param>
/// <param name="TimedSteps">Optimizer steps timed, after the warmup ones.</param>
/// <param name="SecondsPerStep">Mean wall time of a timed step: batch, forward, backward, clipping, AdamW.</param>
/// <param name="TokensPerSecond">B·T / <paramref name="SecondsPerStep"/>.</param>
/// <param name="FlopsPerSecond">Model FLOP/s: <paramref name="FlopsPerToken"/> × <paramref name="TokensPerSecond"/>.</param>
/// <param name="Mfu">Model FLOPs utilisation as a fraction: <paramref name="FlopsPerSecond"/> over the GEMM peak of the same run.</param>
public sealed record ThroughputResult(
    int VocabularySize,
    int ContextLength,
    int DModel,
    int Layers,
    int BatchSize,
    long Parameters,
    long MatmulWeights,
    double FlopsPerToken,
    int TimedSteps,
    double SecondsPerStep,
    double TokensPerSecond,
    double FlopsPerSecond,
    double Mfu);
