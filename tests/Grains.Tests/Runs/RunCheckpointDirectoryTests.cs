using Microsoft.Extensions.Logging;
using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Runs;

namespace OrleansSweep.Grains.Tests.Runs;

public sealed class RunCheckpointDirectoryTests : IDisposable
{
    private readonly TemporaryDirectory root = new();
    private readonly ListLogger logger = new();
    private readonly RunCheckpointDirectory directory;

    public RunCheckpointDirectoryTests() => directory = new RunCheckpointDirectory(root.Path, "run-1", logger);

    public void Dispose() => root.Dispose();

    private static List<CheckpointInfo> Stored(params int[] steps) => steps.Select(s => new CheckpointInfo(s, $"step-{s}.ckpt")).ToList();

    private IEnumerable<string> Warnings => logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message);

    [Fact]
    public void KeepsTheNewestKUpToTheVouchedStepAndEveryProbeStep()
    {
        var expired = RunCheckpointDirectory.Expired(Stored(1, 2, 4, 20, 40, 60, 80, 100), vouchedStep: 100, keep: 3, probeSteps: new HashSet<int> { 1, 2, 4, 40 });

        Assert.Equal([20], expired.Select(c => c.Step));
    }

    [Fact]
    public void FilesAfterTheVouchedStepAreNeitherCountedNorDeleted()
    {
        // 120 and 140 were written but no persisted state names them yet: the run may redo those steps, and 60–100 must stay.
        var expired = RunCheckpointDirectory.Expired(Stored(20, 40, 60, 80, 100, 120, 140), vouchedStep: 100, keep: 3, probeSteps: new HashSet<int>());

        Assert.Equal([20, 40], expired.Select(c => c.Step));
    }

    [Fact]
    public void ItLiesUnderTheRootByRunIdAndNamesEachFileByItsStep()
    {
        Assert.Equal(Path.Combine(root.Path, "run-1"), directory.Path);
        Assert.Equal(Path.Combine(root.Path, "run-1", CheckpointFile.Name(20)), directory.PathOf(20));
    }

    [Fact]
    public void OnlyCheckpointsUpToTheVouchedStepAreStored()
    {
        Assert.Empty(directory.Stored(100)); // the directory does not exist yet
        Touch(40, 20, 60);

        Assert.Equal([new CheckpointInfo(20, directory.PathOf(20)), new CheckpointInfo(40, directory.PathOf(40))], directory.Stored(40));
    }

    [Fact]
    public void ACorruptNewestCheckpointFallsBackToTheNewestThatVerifies()
    {
        foreach (var step in new[] { 10, 20, 30, 40 }) TestCheckpoints.Write(directory, step);
        TestCheckpoints.Tear(directory.PathOf(30));

        // 40 is after the vouched step: the run will redo it, and it is not even looked at.
        var resumeFrom = directory.NewestVerified(vouchedStep: 30);

        Assert.Equal(new CheckpointInfo(20, directory.PathOf(20)), resumeFrom);
        Assert.Collection(Warnings,
            w => Assert.StartsWith($"Checkpoint {directory.PathOf(30)} is not loaded: ", w),
            w => Assert.Equal("Run run-1 resumes from step 20, the newest checkpoint that verifies, instead of step 30", w));
    }

    [Fact]
    public void WithNoCheckpointThatVerifiesTheRunRestartsAndTheLostOneIsNamed()
    {
        TestCheckpoints.Tear(TestCheckpoints.Write(directory, 10));

        Assert.Null(directory.NewestVerified(vouchedStep: 10));
        Assert.Contains($"No usable checkpoint up to {directory.PathOf(10)}; run restarts from step 0", Warnings);
    }

    [Fact]
    public void ARunThatNeverCheckpointedStartsFromScratchWithoutAWarning()
    {
        Assert.Null(directory.NewestVerified(vouchedStep: 0));
        Assert.Empty(Warnings);
    }

    [Fact]
    public void TornTemporaryFilesAreDeletedAndFinishedCheckpointsKept()
    {
        directory.RemoveTorn(); // no directory yet: nothing to do
        var finished = TestCheckpoints.Write(directory, 10);
        var torn = directory.PathOf(20) + ".tmp";
        File.WriteAllText(torn, "half a checkpoint");

        directory.RemoveTorn();

        Assert.False(File.Exists(torn));
        Assert.True(File.Exists(finished));
        Assert.Contains($"Checkpoint {torn} was never finished (its silo stopped while writing it); deleting it", Warnings);
    }

    [Fact]
    public void RemovingExpiredCheckpointsDeletesExactlyTheExpiredFiles()
    {
        Touch(1, 2, 4, 20, 40, 60, 80, 100, 120);

        directory.RemoveExpired(vouchedStep: 100, keep: 3, probeSteps: new HashSet<int> { 1, 2, 4, 40 });

        Assert.Equal([1, 2, 4, 40, 60, 80, 100, 120], CheckpointFile.InDirectory(directory.Path).Select(c => c.Step));
    }

    // Listing and retention go by file name only, so these files need no content.
    private void Touch(params int[] steps)
    {
        Directory.CreateDirectory(directory.Path);
        foreach (var step in steps) File.WriteAllText(directory.PathOf(step), "not a checkpoint");
    }
}
