using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Probes;

namespace OrleansSweep.Compute.Tests.Probes;

public sealed class ProbeLeakTests
{
    [Fact]
    public void RepeatedProbesLeaveTheLiveTensorCountWhereItWas()
    {
        var random = new System.Random(5);
        var heldOut = Enumerable.Range(0, 4096).Select(_ => random.Next(32)).ToArray();
        var config = new GptConfig { VocabularySize = 32, ContextLength = 16, DModel = 8, Layers = 2, Heads = 2 };
        using var generator = new Generator(1);
        using var model = new Gpt(config, generator);
        var positions = new HeldOutPositions(heldOut, config.ContextLength, positions: 256);
        long Live() => DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

        var before = Live();
        var counts = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            new AnisotropyProbe(positions).Measure(model, CPU);
            new GradientBottleneckProbe(positions).Measure(model, CPU);
            HeadSpectrum.Of(model);
            counts.Add(Live());
        }

        // Only plain numbers leave a probe: whatever tensors it made, it disposed (counted on this thread only).
        Assert.All(counts, count => Assert.Equal(before, count));
    }
}
