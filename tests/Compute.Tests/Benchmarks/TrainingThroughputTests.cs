using OrleansSweep.Compute.Benchmarks;
using OrleansSweep.Compute.Models;
using static TorchSharp.torch;

namespace OrleansSweep.Compute.Tests.Benchmarks;

public sealed class TrainingThroughputTests
{
    [Fact]
    public void ATwoStepRunReportsPositiveFiniteNumbers()
    {
        var config = new GptConfig { VocabularySize = 16, ContextLength = 8, DModel = 8, Layers = 1, Heads = 2 };
        var peak = GemmPeak.Measure(CPU, size: 64, warmup: 1, repeats: 2);

        var result = TrainingThroughput.Measure(config, batchSize: 4, CPU, peak, timedSteps: 2, warmupSteps: 1,
            TestContext.Current.CancellationToken);

        Assert.All(
            new[] { peak.FlopsPerSecond, result.SecondsPerStep, result.TokensPerSecond, result.FlopsPerToken, result.FlopsPerSecond, result.Mfu },
            value => Assert.True(double.IsFinite(value) && value > 0, $"{value} is not positive and finite"));
        Assert.Equal(config.TotalParameters, result.Parameters);
        Assert.Equal(2, result.TimedSteps);
    }
}
