using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.Training;

public sealed class LearningRateScheduleTests
{
    private static readonly TrainerOptions Options = new() { Steps = 110, WarmupSteps = 10, LearningRate = 1.0, MinLearningRateRatio = 0.1 };

    [Fact]
    public void WarmupRisesLinearlyToThePeak()
    {
        Assert.Equal(0.1, LearningRateSchedule.At(0, Options), 12);
        Assert.Equal(0.5, LearningRateSchedule.At(4, Options), 12);
        Assert.Equal(1.0, LearningRateSchedule.At(10, Options), 12);
    }

    [Fact]
    public void CosineFallsToTheFloorHalfwayAtTheMean()
    {
        Assert.Equal(0.55, LearningRateSchedule.At(60, Options), 12);
        Assert.Equal(0.1, LearningRateSchedule.At(110, Options), 12);
        var decay = Enumerable.Range(10, 100).Select(s => LearningRateSchedule.At(s, Options)).ToList();
        Assert.True(decay.Zip(decay.Skip(1)).All(p => p.Second <= p.First));
    }
}
