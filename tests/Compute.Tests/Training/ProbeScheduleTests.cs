using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.Training;

public sealed class ProbeScheduleTests
{
    [Fact]
    public void PowersOfTwoBelowTheCadenceThenMultiplesThenTheLastStep()
    {
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 100, 200, 250], ProbeSchedule.Steps(every: 100, logSpaced: true, lastStep: 250));
    }

    [Fact]
    public void WithoutLogSpacingOnlyTheCadenceAndTheLastStep()
    {
        Assert.Equal([30, 60, 70], ProbeSchedule.Steps(every: 30, logSpaced: false, lastStep: 70));
    }

    [Fact]
    public void WithoutACadenceEveryPowerOfTwoAndTheLastStep()
    {
        Assert.Equal([1, 2, 4, 8, 10], ProbeSchedule.Steps(every: 0, logSpaced: true, lastStep: 10));
    }

    [Fact]
    public void ANegativeCadenceIsRefusedByName()
    {
        var error = Assert.Throws<ArgumentException>(() => ProbeSchedule.Steps(-1, true, 10));
        Assert.Contains("probes.every", error.Message);
    }
}
