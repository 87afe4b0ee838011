using System.Diagnostics;
using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Benchmarks;

/// <summary>
/// Times the real <see cref="Trainer"/> on uniform random tokens, so what is measured is exactly the step a sweep runs:
/// batch sampling, forward, cross-entropy, backward, gradient clipping and AdamW. The data's content does not change the
/// work, only the loss.
/// </summary>
public static class TrainingThroughput
{
    private const int CorpusTokens = 1 << 16;

    /// <summary>
    /// Trains <paramref name="config"/> for <paramref name="warmupSteps"/> untimed then <paramref name="timedSteps"/> timed steps
    /// of <paramref name="batchSize"/> sequences on <paramref name="device"/>; MFU is taken against <paramref name="peak"/>,
    /// which should come from the same process and thread count.
    /// </summary>
    public static ThroughputResult Measure(
        GptConfig config, int batchSize, Device device, GemmPeakResult peak,
        int timedSteps = 10, int warmupSteps = 3, CancellationToken cancellation = default)
    {
        // The first step allocates the optimizer state and warms kernels and caches; timing it would measure setup.
        if (warmupSteps < 1) throw new ArgumentException("warmup steps must be at least 1.");
        if (timedSteps < 1) throw new ArgumentException("timed steps must be at least 1.");
        var options = new TrainerOptions
        {
            Steps = warmupSteps + timedSteps,
            BatchSize = batchSize,
            WarmupSteps = 0,
            LogEvery = 1,
            // Held-out evaluation runs only before the first step and after the last one, outside the timed window; one window keeps it short.
            EvalEvery = warmupSteps + timedSteps,
            EvalTokens = config.ContextLength,
            CheckpointEvery = 0,
        };
        using var trainer = new Trainer(config, options, UniformCorpus(config), device);
        var clock = new Stopwatch();
        trainer.Run(new TrainingCallbacks(OnStep: metrics =>
        {
            if (metrics.Step == warmupSteps) clock.Start();
            else if (metrics.Step == warmupSteps + timedSteps) clock.Stop();
        }), checkpointDirectory: null, cancellation);

        var secondsPerStep = clock.Elapsed.TotalSeconds / timedSteps;
        var tokensPerSecond = (double)batchSize * config.ContextLength / secondsPerStep;
        var flopsPerToken = ModelFlops.PerToken(config);
        var flopsPerSecond = flopsPerToken * tokensPerSecond;
        return new ThroughputResult(
            config.VocabularySize, config.ContextLength, config.DModel, config.Layers, batchSize,
            trainer.Model.parameters().Sum(p => p.numel()), ModelFlops.MatmulWeights(config), flopsPerToken,
            timedSteps, secondsPerStep, tokensPerSecond, flopsPerSecond, flopsPerSecond / peak.FlopsPerSecond);
    }

    private static TokenCorpus UniformCorpus(GptConfig config)
    {
        var random = new Random(1);
        int[] Stream(int length) => Enumerable.Range(0, length).Select(_ => random.Next(config.VocabularySize)).ToArray();
        var train = Stream(Math.Max(CorpusTokens, config.ContextLength + 1));
        var heldOut = Stream(config.ContextLength + 1);
        return new TokenCorpus("uniform random tokens (benchmark)", config.VocabularySize, train, heldOut, Math.Log(config.VocabularySize));
    }
}
