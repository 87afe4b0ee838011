using OrleansSweep.Compute.External;
using OrleansSweep.Compute.Probes;
using OrleansSweep.Compute.Tests.Training;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.External;

public sealed class CheckpointProbeTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    [Fact]
    public void OurCheckpointProbedByPathGivesTheNumbersOfTheModelInMemory()
    {
        var corpus = TrainingFixtures.Markov(32, 4);
        using var trainer = new Trainer(TrainingFixtures.Model(32, 8, layers: 2), TrainingFixtures.Options(20), corpus, CPU);
        TrainingFixtures.Train(trainer);
        var path = trainer.SaveCheckpoint(folder.Path);
        var tokens = corpus.HeldOut[..300];

        var report = CheckpointProbe.Run(path, CPU, tokens);

        var positions = new StreamPositions(tokens, 16);
        var anisotropy = new AnisotropyProbe(positions).Measure(trainer.Model, CPU);
        var bottleneck = new GradientBottleneckProbe(positions).Measure(trainer.Model, CPU);
        var head = HeadSpectrum.Of(trainer.Model);
        Assert.Equal(CheckpointFormat.OrleansSweep, report.Format);
        Assert.Equal((32, 8, 2, 16), (report.VocabularySize, report.DModel, report.Layers, report.ContextLength));
        Assert.Equal(head.Singular, report.Head.Singular);
        Assert.Equal(head.SingularEntropy, report.Head.SingularEntropy);
        Assert.Equal(anisotropy.PerLayer, report.Anisotropy!.PerLayer);
        Assert.Equal(anisotropy.Final, report.Anisotropy.Final);
        Assert.Equal(299, report.Anisotropy.Positions);
        Assert.Equal(bottleneck, report.GradientBottleneck);
    }

    [Fact]
    public void ATokenOutsideTheVocabularyIsNamedWithItsPosition()
    {
        var directory = Path.Combine(folder.Path, "gpt2");
        RandomGpt2.Write(directory, RandomGpt2.Small, seed: 2);
        int[] tokens = [1, 2, 3, 4, 5, 6, 7, RandomGpt2.Small.V, 1];

        var error = Assert.Throws<ArgumentException>(() => CheckpointProbe.Run(directory, CPU, tokens));

        Assert.Contains($"token id {RandomGpt2.Small.V} at position 7", error.Message);
    }

    [Fact]
    public void EveryPositionOfAStreamIsVisitedWithItsLeftContextInItsWindowAndItsNextToken()
    {
        // 21 tokens, T = 8: positions 0..19 in windows [0, 8), [8, 16) and the short [16, 20).
        var stream = Enumerable.Range(0, 21).Select(i => (i * 7 + 3) % 11).ToArray();
        var positions = new StreamPositions(stream, 8);
        var shapes = new List<long[]>();
        var inputs = new List<long>();
        var targets = new List<long>();

        positions.Visit(CPU, (x, rows, y) =>
        {
            shapes.Add(x.shape);
            inputs.AddRange(x.flatten().index_select(0, rows).data<long>().ToArray());
            targets.AddRange(y.data<long>().ToArray());
        });

        Assert.Equal(20, positions.Count);
        Assert.Equal([[2L, 8], [1L, 4]], shapes);
        Assert.Equal(stream[..20].Select(t => (long)t), inputs);
        Assert.Equal(stream[1..].Select(t => (long)t), targets);
    }

    [Fact]
    public void AnisotropyOnAStreamEqualsTheAnisotropyOfItsWindowsRunOneByOne()
    {
        var directory = Path.Combine(folder.Path, "gpt2");
        RandomGpt2.Write(directory, RandomGpt2.Small, seed: 3);
        var stream = Enumerable.Range(0, 16).Select(i => (i * 5 + 2) % RandomGpt2.Small.V).ToArray(); // windows of 6, 6 and 3
        using var model = HuggingFaceGpt2.Load(directory, CPU);

        var result = new AnisotropyProbe(new StreamPositions(stream, RandomGpt2.Small.T)).Measure(model, CPU);

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var finals = new List<Tensor>();
        foreach (var (start, length) in new[] { (0, 6), (6, 6), (12, 3) })
            finals.Add(model.HiddenStates(tensor(stream[start..(start + length)].Select(t => (long)t).ToArray(), [1, length]))[^1][0]);
        Assert.Equal(15, result.Positions);
        // float32 states batched (2, 6) against run alone (1, 6): equal to a few ulps, not bit for bit.
        Assert.Equal(Anisotropy.Of(cat(finals, 0)), result.Final, 6);
    }

    [Fact]
    public void APathThatIsNoCheckpointIsNamed()
    {
        var path = folder.Write("notes.txt", "not a checkpoint");

        var error = Assert.Throws<CorruptCheckpointException>(() => CheckpointProbe.Run(path, CPU));

        Assert.Contains(path, error.Message);
    }

    public void Dispose() => folder.Dispose();
}
