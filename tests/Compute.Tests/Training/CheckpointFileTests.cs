using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.Training;

public sealed class CheckpointFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("checkpoint-").FullName;

    [Fact]
    public void ACheckpointRoundTripsWeightsAndHeader()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        using var trainer = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(5), corpus, CPU);
        TrainingFixtures.Train(trainer);
        var path = trainer.SaveCheckpoint(directory);

        using var fresh = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(5) with { Seed = 99 }, corpus, CPU);
        var header = CheckpointFile.Load(path, fresh.Model, null);

        Assert.Equal(5, header.Step);
        Assert.Equal(trainer.Model.Config, header.Config);
        Assert.Equal(trainer.Evaluate().Loss, fresh.Evaluate().Loss);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(-1)]
    public void ATornOrAlteredCheckpointIsNeverLoaded(int flippedByte)
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        using var trainer = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(2), corpus, CPU);
        var path = trainer.SaveCheckpoint(directory);
        var bytes = File.ReadAllBytes(path);
        if (flippedByte >= 0) bytes[flippedByte] ^= 0xFF;
        else bytes = bytes[..(bytes.Length / 2)];
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<CorruptCheckpointException>(() => CheckpointFile.ReadHeader(path));
        Assert.Contains(path, error.Message);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
