using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Probes;

namespace OrleansSweep.Compute.Tests.Probes;

public sealed class AnisotropyProbeTests
{
    private static readonly GptConfig Config = new() { VocabularySize = 40, ContextLength = 8, DModel = 16, Layers = 3, Heads = 2 };
    private static readonly int[] HeldOut = Enumerable.Range(0, 500).Select(i => (i * 13 + i / 7) % 40).ToArray();

    [Fact]
    public void HiddenStatesAreTheEmbeddingEachBlockAndTheFinalNorm()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        using var model = new Gpt(Config, generator);
        model.eval();
        var tokens = tensor(HeldOut[..16].Select(t => (long)t).ToArray(), [2, 8]);

        var states = model.HiddenStates(tokens);

        Assert.Equal(Config.Layers + 2, states.Count);
        Assert.All(states, s => Assert.Equal([2L, 8, 16], s.shape));
        Assert.True(states[^1].allclose(model.FinalHidden(tokens)));
        Assert.True(model.call(tokens).allclose(model.Head.call(states[^1])));
        Assert.False(states[0].allclose(states[1]));
    }

    [Fact]
    public void SampledPositionsAreDistinctSeededAndCarryTheirNextToken()
    {
        var a = new HeldOutPositions(HeldOut, 8, positions: 100, seed: 3);
        var b = new HeldOutPositions(HeldOut, 8, positions: 100, seed: 3);
        var c = new HeldOutPositions(HeldOut, 8, positions: 100, seed: 4);
        Assert.Equal(100, a.Indices.Distinct().Count());
        Assert.Equal(a.Indices, b.Indices);
        Assert.NotEqual(a.Indices, c.Indices);

        var inputs = new List<long>();
        var targets = new List<long>();
        a.Visit(CPU, (x, rows, y) =>
        {
            inputs.AddRange(x.flatten().index_select(0, rows).data<long>().ToArray());
            targets.AddRange(y.data<long>().ToArray());
        });
        Assert.Equal(a.Indices.Select(i => (long)HeldOut[i]), inputs);
        Assert.Equal(a.Indices.Select(i => (long)HeldOut[i + 1]), targets);
    }

    [Fact]
    public void WithEveryPositionTheFinalValueIsTheAnisotropyOfTheWholeHeldOutSet()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        using var model = new Gpt(Config, generator);
        var everything = new HeldOutPositions(HeldOut, 8, positions: 10_000);
        model.train();

        var result = new AnisotropyProbe(everything).Measure(model, CPU);

        Assert.True(model.training);
        var windows = (HeldOut.Length - 1) / 8;
        Assert.Equal(windows * 8, result.Positions);
        Assert.Equal(Config.Layers + 1, result.PerLayer.Count);
        model.eval();
        Tensor expected;
        using (no_grad())
            expected = model.FinalHidden(tensor(HeldOut[..(windows * 8)].Select(t => (long)t).ToArray(), [windows, 8])).flatten(0, 1);
        Assert.Equal(Anisotropy.Of(expected), result.Final, 9);
        Assert.All(result.PerLayer, a => Assert.InRange(a, -1.0, 1.0));
    }
}
