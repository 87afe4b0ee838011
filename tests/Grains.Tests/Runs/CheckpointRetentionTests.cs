using OrleansSweep.Grains.Runs;

namespace OrleansSweep.Grains.Tests.Runs;

public sealed class CheckpointRetentionTests
{
    private static List<(int Step, string Path)> Stored(params int[] steps) => steps.Select(s => (s, $"step-{s}.ckpt")).ToList();

    [Fact]
    public void KeepsTheNewestKUpToTheVouchedStepAndEveryProbeStep()
    {
        var expired = CheckpointRetention.Expired(Stored(1, 2, 4, 20, 40, 60, 80, 100), vouchedStep: 100, keep: 3, probeSteps: new HashSet<int> { 1, 2, 4, 40 });

        Assert.Equal([20], expired.Select(c => c.Step));
    }

    [Fact]
    public void FilesAfterTheVouchedStepAreNeitherCountedNorDeleted()
    {
        // 120 and 140 were written but no persisted state names them yet: the run may redo those steps, and 60–100 must stay.
        var expired = CheckpointRetention.Expired(Stored(20, 40, 60, 80, 100, 120, 140), vouchedStep: 100, keep: 3, probeSteps: new HashSet<int>());

        Assert.Equal([20, 40], expired.Select(c => c.Step));
    }
}
