using OrleansSweep.Compute.Corpora;

namespace OrleansSweep.Compute.Tests.Corpora;

public sealed class RandomVariatesTests
{
    private const int Draws = 200_000;

    [Fact]
    public void StandardNormalHasZeroMeanAndUnitVariance()
    {
        var random = new System.Random(7);
        var draws = Enumerable.Range(0, Draws).Select(_ => RandomVariates.StandardNormal(random)).ToArray();

        AssertMoments(draws, mean: 0.0, variance: 1.0, fourthCentralMoment: 3.0);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.5)]
    public void GammaHasMeanAndVarianceEqualToItsShape(double shape)
    {
        var random = new System.Random(11);
        var draws = Enumerable.Range(0, Draws).Select(_ => Math.Exp(RandomVariates.LogGamma(random, shape))).ToArray();

        // Gamma(k, 1): mean k, variance k, excess kurtosis 6/k.
        AssertMoments(draws, mean: shape, variance: shape, fourthCentralMoment: shape * shape * (3.0 + 6.0 / shape));
    }

    [Fact]
    public void SmallConcentrationDirichletStaysNormalised()
    {
        var random = new System.Random(3);
        for (var i = 0; i < 100; i++)
        {
            var weights = RandomVariates.SymmetricDirichlet(random, 0.01, 20);

            Assert.All(weights, w => Assert.True(w >= 0.0 && double.IsFinite(w)));
            Assert.Equal(1.0, weights.Sum(), 12);
        }
    }

    [Fact]
    public void DirichletMarginalsHaveTheBetaMoments()
    {
        const int categories = 5;
        const double concentration = 0.5;
        var random = new System.Random(5);
        var first = Enumerable.Range(0, Draws / 4)
            .Select(_ => RandomVariates.SymmetricDirichlet(random, concentration, categories)[0]).ToArray();

        // The marginal is Beta(α, (K − 1)α): mean 1/K, variance (K − 1)/(K²(Kα + 1)).
        var mean = first.Average();
        var variance = first.Select(x => (x - mean) * (x - mean)).Average();
        var expectedVariance = (categories - 1.0) / (categories * categories * (categories * concentration + 1.0));
        Assert.InRange(mean, 1.0 / categories - 5 * Math.Sqrt(expectedVariance / first.Length), 1.0 / categories + 5 * Math.Sqrt(expectedVariance / first.Length));
        Assert.InRange(variance, expectedVariance * 0.97, expectedVariance * 1.03);
    }

    private static void AssertMoments(double[] draws, double mean, double variance, double fourthCentralMoment)
    {
        var sampleMean = draws.Average();
        var sampleVariance = draws.Select(x => (x - sampleMean) * (x - sampleMean)).Average();
        var meanError = Math.Sqrt(variance / draws.Length);
        var varianceError = Math.Sqrt((fourthCentralMoment - variance * variance) / draws.Length);

        Assert.InRange(sampleMean, mean - 5 * meanError, mean + 5 * meanError);
        Assert.InRange(sampleVariance, variance - 5 * varianceError, variance + 5 * varianceError);
    }
}
