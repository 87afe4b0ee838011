using System.Text.Json;
using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.Training;

public sealed class CheckpointFileTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    [Fact]
    public void ACheckpointRoundTripsWeightsAndHeader()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        using var trainer = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(5), corpus, CPU);
        TrainingFixtures.Train(trainer);
        var path = trainer.SaveCheckpoint(directory.Path);

        using var fresh = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(5) with { Seed = 99 }, corpus, CPU);
        var header = CheckpointFile.Load(path, fresh.Model, null);

        Assert.Equal(5, header.Step);
        Assert.Equal(trainer.Model.Config, header.Config);
        Assert.Equal(trainer.Evaluate().Loss, fresh.Evaluate().Loss);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void ACheckpointOfAFactorisedHeadRoundTripsItsRank()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        var config = TrainingFixtures.Model(32, 8) with { HeadRank = 3 };
        using var trainer = new Trainer(config, TrainingFixtures.Options(3), corpus, CPU);
        TrainingFixtures.Train(trainer);
        var path = trainer.SaveCheckpoint(directory.Path);

        var header = CheckpointFile.ReadHeader(path);
        using var generator = new Generator(99);
        using var fresh = new Gpt(header.Config, generator);
        CheckpointFile.Load(path, fresh, null);

        Assert.Equal(3, header.Config.HeadRank);
        Assert.True(fresh.Head.Weight().Equals(trainer.Model.Head.Weight()));
    }

    [Fact]
    public void AConfigWrittenBeforeHeadRankExistedReadsAsAFullRankHead()
    {
        // The header JSON of a checkpoint written before the field existed.
        const string old = """
            {"VocabularySize":64,"ContextLength":16,"DModel":8,"Layers":1,"Heads":1,"MlpRatio":4,"Dropout":0,"TiedHead":false,
             "NonEmbeddingParameters":880,"TotalParameters":2032}
            """;

        var config = JsonSerializer.Deserialize<GptConfig>(old)!;

        Assert.Null(config.HeadRank);
        Assert.Equal(TrainingFixtures.Model(64, 8), config);
        Assert.Equal(JsonSerializer.Deserialize<GptConfig>(JsonSerializer.Serialize(config with { HeadRank = 5 })), config with { HeadRank = 5 });
    }

    [Theory]
    [InlineData(100)]
    [InlineData(-1)]
    public void ATornOrAlteredCheckpointIsNeverLoaded(int flippedByte)
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        using var trainer = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(2), corpus, CPU);
        var path = trainer.SaveCheckpoint(directory.Path);
        var bytes = File.ReadAllBytes(path);
        if (flippedByte >= 0) bytes[flippedByte] ^= 0xFF;
        else bytes = bytes[..(bytes.Length / 2)];
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<CorruptCheckpointException>(() => CheckpointFile.ReadHeader(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ACheckpointOfFormatOneIsRefusedInOneSentence()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        using var trainer = new Trainer(TrainingFixtures.Model(32, 8), TrainingFixtures.Options(2), corpus, CPU);
        var path = trainer.SaveCheckpoint(directory.Path);
        // Format 1 differed in its magic's last byte and its optimizer section; the magic alone must decide.
        var bytes = File.ReadAllBytes(path);
        bytes[7] = (byte)'1';
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<CorruptCheckpointException>(() => CheckpointFile.ReadHeader(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("format 1", error.Message);
    }

    public void Dispose() => directory.Dispose();
}
