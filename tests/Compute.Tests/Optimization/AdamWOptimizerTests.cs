using OrleansSweep.Compute.Optimization;

namespace OrleansSweep.Compute.Tests.Optimization;

public sealed class AdamWOptimizerTests
{
    private const int Steps = 20;

    [Fact]
    public void TwentyStepsMatchTorchSharpsAdamWAndClipGradNormValueForValue()
    {
        // The reference is TorchSharp's own optimizer and clipping on one thread, where its Scalars stay alive long enough.
        // Measure the unclipped norms first, then clip at their median, so both the clipped and the untouched branch run.
        double[] unclipped;
        using (var probe = OptimizerFixtures.Model())
        using (var probeOptimizer = OptimizerFixtures.TorchSharpAdamW(probe))
            unclipped = Enumerable.Range(0, Steps).Select(s => OptimizerFixtures.TorchSharpStep(probe, probeOptimizer, s, double.PositiveInfinity)).ToArray();
        var maxNorm = unclipped.Order().ElementAt(Steps / 2);

        using var reference = OptimizerFixtures.Model();
        using var torchSharp = OptimizerFixtures.TorchSharpAdamW(reference);
        using var model = OptimizerFixtures.Model();
        using var own = new AdamWOptimizer(OptimizerFixtures.Groups(model), OptimizerFixtures.Beta1, OptimizerFixtures.Beta2);
        var clipped = 0;
        for (var step = 0; step < Steps; step++)
        {
            var expectedNorm = OptimizerFixtures.TorchSharpStep(reference, torchSharp, step, maxNorm);
            var norm = OptimizerFixtures.OwnStep(model, own, step, maxNorm);
            if (expectedNorm > maxNorm) clipped++;

            Assert.Equal(expectedNorm, norm, 1e-6 * expectedNorm);
            var expected = OptimizerFixtures.Weights(reference);
            var actual = OptimizerFixtures.Weights(model);
            for (var p = 0; p < expected.Length; p++)
                for (var i = 0; i < expected[p].Length; i++)
                    Assert.True(Math.Abs(expected[p][i] - actual[p][i]) <= 1e-6 * Math.Max(1, Math.Abs(expected[p][i])),
                        $"step {step}, parameter {p}[{i}]: {actual[p][i]} instead of {expected[p][i]}");
        }
        Assert.InRange(clipped, 1, Steps - 1);
    }

    [Fact]
    public void ASavedAndLoadedStateContinuesWithIdenticalSteps()
    {
        using var straight = OptimizerFixtures.Model();
        using var straightOptimizer = new AdamWOptimizer(OptimizerFixtures.Groups(straight), OptimizerFixtures.Beta1, OptimizerFixtures.Beta2);
        for (var step = 0; step < 5; step++) OptimizerFixtures.OwnStep(straight, straightOptimizer, step, 1.0);
        using var saved = new MemoryStream();
        using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true)) straightOptimizer.Save(writer);
        using var weights = new MemoryStream();
        straight.save(weights); // closes the stream; ToArray still reads it

        // Another seed: every weight and moment must come from the saved state.
        using var resumed = OptimizerFixtures.Model(seed: 11);
        using var resumedOptimizer = new AdamWOptimizer(OptimizerFixtures.Groups(resumed), OptimizerFixtures.Beta1, OptimizerFixtures.Beta2);
        using (var stored = new MemoryStream(weights.ToArray())) resumed.load(stored);
        saved.Position = 0;
        using (var reader = new BinaryReader(saved)) resumedOptimizer.Load(reader);

        for (var step = 5; step < 10; step++)
        {
            Assert.Equal(OptimizerFixtures.OwnStep(straight, straightOptimizer, step, 1.0), OptimizerFixtures.OwnStep(resumed, resumedOptimizer, step, 1.0));
            Assert.Equal(OptimizerFixtures.Weights(straight), OptimizerFixtures.Weights(resumed));
        }
    }

    [Fact]
    public void AStateOfAnotherParameterCountIsRefused()
    {
        using var model = OptimizerFixtures.Model();
        using var optimizer = new AdamWOptimizer(OptimizerFixtures.Groups(model), OptimizerFixtures.Beta1, OptimizerFixtures.Beta2);
        using var saved = new MemoryStream();
        using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true)) optimizer.Save(writer);
        using var smaller = new AdamWOptimizer([OptimizerFixtures.Groups(model)[0]], OptimizerFixtures.Beta1, OptimizerFixtures.Beta2);
        saved.Position = 0;

        Assert.Throws<InvalidDataException>(() => Load(smaller, saved));
    }

    private static void Load(AdamWOptimizer optimizer, Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        optimizer.Load(reader);
    }
}
