using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Probes;

namespace OrleansSweep.Compute.Tests.Probes;

public sealed class GradientBottleneckTests
{
    [Fact]
    public void AGradientInsideTheColumnSpaceIsKeptWhole()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(2);
        var w = empty(300, 12, float64).normal_(0, 1, generator);
        var g = w.matmul(empty(12, 5, float64).normal_(0, 1, generator)).t(); // (5, V): rows W·c

        var result = GradientBottleneck.Project(GradientBottleneck.ColumnBasis(w), g);

        Assert.Equal(1.0, result.Kept, 9);
        Assert.Equal(1.0, result.EnergyKept, 9);
        Assert.Equal(0.0, result.Suppressed, 6);
    }

    [Fact]
    public void RandomDirectionsKeepAboutSqrtDOverV()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var w = empty(2000, 20, float64).normal_(0, 1, generator);
        var g = empty(400, 2000, float64).normal_(0, 1, generator);

        var result = GradientBottleneck.Project(GradientBottleneck.ColumnBasis(w), g);

        Assert.InRange(result.Kept, 0.09, 0.11); // sqrt(20/2000) = 0.1
        Assert.InRange(result.EnergyKept, 0.009, 0.011);
    }

    [Fact]
    public void SuppressedIsSqrtOfOneMinusKeptSquaredAtEachPosition()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(4);
        var w = empty(100, 8, float64).normal_(0, 1, generator);
        var basis = GradientBottleneck.ColumnBasis(w);
        var g = empty(10, 100, float64).normal_(0, 1, generator) + w[.., 0]; // partly inside, partly outside

        for (var i = 0; i < 10; i++)
        {
            var one = GradientBottleneck.Project(basis, g[i..(i + 1)]);
            Assert.InRange(one.Kept, 0.2, 0.99);
            Assert.Equal(Math.Sqrt(1 - one.Kept * one.Kept), one.Suppressed, 9);
        }
    }

    [Fact]
    public void MeasureMatchesTheNormalEquationsProjectionOfTheSoftmaxGradient()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(5);
        var w = empty(60, 6, float64).normal_(0, 1, generator);
        var logits = empty(7, 60, float64).normal_(0, 2, generator);
        long[] targets = [0, 5, 59, 12, 12, 30, 1];

        // Independent route: softmax by hand, projector P = W (WᵀW)⁻¹ Wᵀ.
        var probabilities = logits.exp() / logits.exp().sum(dim: 1, keepdim: true);
        var projector = w.matmul(linalg.inv(w.t().matmul(w))).matmul(w.t());
        double kept = 0, suppressed = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            var g = probabilities[i].clone();
            g[targets[i]] -= 1.0;
            var inside = projector.matmul(g);
            kept += (inside.norm() / g.norm()).item<double>() / targets.Length;
            suppressed += ((g - inside).norm() / g.norm()).item<double>() / targets.Length;
        }

        var result = GradientBottleneck.Measure(w.to(float32), logits.to(float32), tensor(targets));

        Assert.Equal(kept, result.Kept, 5);
        Assert.Equal(suppressed, result.Suppressed, 5);
        Assert.Equal(targets.Length, result.Positions);
    }

    [Fact]
    public void ARankDeficientHeadGetsABasisOfItsTrueRank()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(6);
        var w = empty(50, 3, float64).normal_(0, 1, generator).matmul(empty(3, 10, float64).normal_(0, 1, generator));

        var basis = GradientBottleneck.ColumnBasis(w.to(float32));

        Assert.Equal([50L, 3], basis.shape);
        Assert.True(basis.t().matmul(basis).allclose(eye(3, dtype: float64), atol: 1e-9));
    }

    [Fact]
    public void TheProbeAveragesOverItsPositionsAndRestoresTrainingMode()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        using var model = new Gpt(new GptConfig { VocabularySize = 64, ContextLength = 8, DModel = 8, Layers = 1, Heads = 2 }, generator);
        var heldOut = Enumerable.Range(0, 2000).Select(i => i * 7 % 64).ToArray();
        var positions = new HeldOutPositions(heldOut, 8, positions: 300, seed: 1);
        model.train();

        var result = new GradientBottleneckProbe(positions).Measure(model, CPU);

        Assert.True(model.training);
        Assert.Equal(300, result.Positions);
        Assert.InRange(result.Kept, 0.05, 0.999);
        Assert.Equal(1.0, result.Suppressed * result.Suppressed + result.EnergyKept, 1); // loose: mean of squares vs square of mean
        Assert.Equal(result, new GradientBottleneckProbe(positions).Measure(model, CPU));
    }
}
