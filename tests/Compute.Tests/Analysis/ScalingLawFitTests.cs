using OrleansSweep.Compute.Analysis;

namespace OrleansSweep.Compute.Tests.Analysis;

public sealed class ScalingLawFitTests
{
    private static readonly double[] Sizes = [1e5, 3e5, 1e6, 3e6, 1e7, 3e7, 1e8];

    [Theory]
    [InlineData(1.7, 400.0, 0.34)]
    [InlineData(2.5, 30.0, 0.2)]
    [InlineData(0.0, 12.0, 0.1)]
    public void RecoversTheParametersOfExactPowerLawData(double e, double a, double alpha)
    {
        var points = Sizes.Select(n => (n, e + a / Math.Pow(n, alpha))).ToList();

        var fit = ScalingLawFit.Fit(points);

        Assert.Equal(e, fit.E, 3);
        Assert.Equal(alpha, fit.Alpha, 3);
        Assert.Equal(a, fit.A, a * 1e-2);
        Assert.All(points, p => Assert.Equal(0, fit.RelativeGap(p.Item1, p.Item2), 4));
    }

    [Fact]
    public void ARunAboveTheFitHasAPositiveRelativeGap()
    {
        var points = Sizes.Select(n => (n, 1.7 + 400 / Math.Pow(n, 0.34))).ToList();
        var fit = ScalingLawFit.Fit(points);
        var expected = fit.Predict(1e5);

        Assert.Equal(0.08, fit.RelativeGap(1e5, expected * 1.08), 9);
    }

    [Fact]
    public void FewerThanThreeSizesAreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ScalingLawFit.Fit([(1e5, 4.0), (1e6, 3.5), (1e6, 3.4)]));
        Assert.Contains("three or more distinct sizes", error.Message);
    }
}
