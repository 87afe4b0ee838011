using OrleansSweep.Compute.Analysis;

namespace OrleansSweep.Compute.Tests.Analysis;

public sealed class SaturationDetectorTests
{
    private static List<(int, double)> Series(params double[] values) => values.Select((v, i) => (i * 100, v)).ToList();

    [Fact]
    public void ALateRiseSaturatesAtTheBestCheckpoint()
    {
        var result = SaturationDetector.Detect(Series(5.0, 4.4, 4.35, 4.36, 4.37), 0.002, [], []);

        Assert.True(result.Saturated);
        Assert.Equal(200, result.BestStep);
        Assert.Equal(4.35, result.BestLoss);
        Assert.Equal(4.37, result.FinalLoss);
    }

    [Fact]
    public void AMonotoneFallDoesNotSaturate()
    {
        var result = SaturationDetector.Detect(Series(5.0, 4.4, 4.35, 4.34, 4.33), 0.002, [], []);

        Assert.False(result.Saturated);
        Assert.Equal(400, result.BestStep);
    }

    [Theory]
    [InlineData(0.009, 0.001, false)] // below the 0.01 floor
    [InlineData(0.011, 0.001, true)]
    [InlineData(0.015, 0.008, false)] // within two standard errors
    [InlineData(0.017, 0.008, true)]
    public void ARiseCountsOnlyAboveTheFloorAndTwoStandardErrors(double rise, double standardError, bool saturated)
    {
        var result = SaturationDetector.Detect(Series(4.0, 3.0, 3.0 + rise), standardError, [], []);

        Assert.Equal(saturated, result.Saturated);
    }

    [Fact]
    public void SpectrumCollapseIsTheFirstRiseOfMoreThanOneNatAboveTheRunningMinimum()
    {
        // Falls to 0.25, wobbles by less than a nat, then jumps (the paper's Fig. 5 shape).
        var entropy = Series(2.0, 0.6, 0.25, 1.2, 0.3, 1.3, 4.8);

        var result = SaturationDetector.Detect(Series(3.0, 2.9), 0, entropy, []);

        Assert.Equal(500, result.SpectrumCollapseStep);
    }

    [Fact]
    public void AnisotropyStepIsTheFirstAboveThreshold_AndAbsentEventsAreNull()
    {
        var result = SaturationDetector.Detect(Series(3.0, 2.9), 0, Series(1.0, 0.5, 0.4), Series(0.2, 0.85, 0.91, 0.99));
        var none = SaturationDetector.Detect(Series(3.0, 2.9), 0, [], Series(0.2, 0.9));

        Assert.Equal(200, result.AnisotropyStep);
        Assert.Null(result.SpectrumCollapseStep);
        Assert.Null(none.AnisotropyStep);
    }
}
