using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Probes;
using OrleansSweep.Compute.Tests.Training;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.Models;

public sealed class FactorizedHeadTests
{
    [Theory]
    [InlineData(3)]   // r·(V + d) < V·d: the forward goes through the bottleneck
    [InlineData(15)]  // r·(V + d) > V·d: the forward forms W
    public void WeightIsTheProductAndForwardIsHTimesWTransposed(int rank)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(5);
        using var head = new FactorizedHead(vocabularySize: 20, rank, dModel: 16);
        head.Initialize(generator);
        var (a, b) = (Named(head, "a"), Named(head, "b"));
        var hidden = randn([2, 3, 16], generator: generator);

        // Independent: the product and h·Wᵀ element by element in float64.
        var expectedWeight = new double[20, 16];
        var aData = a.to(float64).data<double>().ToArray();
        var bData = b.to(float64).data<double>().ToArray();
        for (var v = 0; v < 20; v++)
            for (var j = 0; j < 16; j++)
                for (var k = 0; k < rank; k++) expectedWeight[v, j] += aData[v * rank + k] * bData[k * 16 + j];
        var weight = head.Weight().to(float64).data<double>().ToArray();
        for (var v = 0; v < 20; v++)
            for (var j = 0; j < 16; j++) Assert.Equal(expectedWeight[v, j], weight[v * 16 + j], 4);

        var logits = head.call(hidden);
        var h = hidden.to(float64).data<double>().ToArray();
        var z = logits.to(float64).data<double>().ToArray();
        Assert.Equal([2L, 3, 20], logits.shape);
        for (var row = 0; row < 6; row++)
            for (var v = 0; v < 20; v++)
            {
                var expected = 0.0;
                for (var j = 0; j < 16; j++) expected += h[row * 16 + j] * expectedWeight[v, j];
                Assert.Equal(expected, z[row * 20 + v], 3);
            }
    }

    [Fact]
    public void InitialStandardDeviationsAreOneOverSqrtFanIn()
    {
        const int v = 2000, r = 50, d = 400;
        using var scope = NewDisposeScope();
        using var generator = new Generator(11);
        using var head = new FactorizedHead(v, r, d);
        head.Initialize(generator);

        foreach (var (name, fanIn, count) in new[] { ("a", r, v * r), ("b", d, r * d) })
        {
            var std = Named(head, name).to(float64).std().item<double>();
            var expected = 1 / Math.Sqrt(fanIn);
            // The sample std of n Gaussians has relative standard error 1/sqrt(2(n − 1)); allow six of them.
            var tolerance = 6 * expected / Math.Sqrt(2.0 * (count - 1));
            Assert.InRange(std, expected - tolerance, expected + tolerance);
            Assert.Equal(0.0, Named(head, name).to(float64).mean().item<double>(), 6 * expected / Math.Sqrt(count));
        }
    }

    [Fact]
    public void OneSeedGivesOneHeadAndAnotherSeedAnother()
    {
        using var scope = NewDisposeScope();
        using var first = new FactorizedHead(30, 4, 8);
        using var second = new FactorizedHead(30, 4, 8);
        using var third = new FactorizedHead(30, 4, 8);
        using (var g = new Generator(3)) first.Initialize(g);
        using (var g = new Generator(3)) second.Initialize(g);
        using (var g = new Generator(4)) third.Initialize(g);

        Assert.True(first.Weight().Equals(second.Weight()));
        Assert.False(first.Weight().Equals(third.Weight()));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(4, false)]
    [InlineData(16, false)]
    [InlineData(40, false)]
    [InlineData(null, true)]
    public void ParameterCountsMatchTheBuiltModel(int? headRank, bool tied)
    {
        var config = new GptConfig { VocabularySize = 50, ContextLength = 12, DModel = 16, Layers = 2, Heads = 4, TiedHead = tied, HeadRank = headRank };
        using var generator = new Generator(1);
        using var model = new Gpt(config, generator);

        var head = model.named_parameters().Where(p => p.name.StartsWith("head.")).Sum(p => p.parameter.numel());

        Assert.Equal(config.TotalParameters, model.parameters().Sum(p => p.numel()));
        Assert.Equal(config.HeadParameters, head);
        Assert.Equal(headRank is { } r && r < 16 ? r * (50 + 16) : tied ? 0 : 50 * 16, head);
        Assert.Equal(headRank is { } k && k < 16, model.Head is FactorizedHead);
    }

    [Fact]
    public void AFactorisedHeadKeepsItsOwnInitAndLeavesTheBodysDrawsAsTheFullHeadsModel()
    {
        var full = new GptConfig { VocabularySize = 300, DModel = 32, Heads = 2 };
        using var generator = new Generator(1);
        using var fullModel = new Gpt(full, generator);
        using var otherGenerator = new Generator(1);
        using var factorised = new Gpt(full with { HeadRank = 8 }, otherGenerator);

        foreach (var (name, parameter) in fullModel.named_parameters().Where(p => !p.name.StartsWith("head.")))
            Assert.True(parameter.Equals(factorised.named_parameters().Single(p => p.name == name).parameter), name);
        // The GPT-2 init would give std 0.02; §8 gives 1/sqrt(8) for A and 1/sqrt(32) for B.
        var a = factorised.named_parameters().Single(p => p.name == "head.a").parameter;
        var b = factorised.named_parameters().Single(p => p.name == "head.b").parameter;
        Assert.InRange(a.std().item<float>(), 0.3, 0.41);
        Assert.InRange(b.std().item<float>(), 0.15, 0.2);
    }

    [Theory]
    [InlineData(0, false, "head_rank")]
    [InlineData(4, true, "head_rank")]
    public void InvalidHeadRanksAreRefusedByName(int headRank, bool tied, string field)
    {
        var error = Assert.Throws<ArgumentException>(() => new GptConfig { HeadRank = headRank, TiedHead = tied }.Validate());
        Assert.Contains(field, error.Message);
        Assert.Single(error.Message.Split(". ", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void AGptWithAFactorisedHeadTrainsAndItsHeadHasExactlyRankR()
    {
        const int rank = 3;
        var corpus = TrainingFixtures.Markov(vocabulary: 32, rank: 8);
        using var trainer = new Trainer(TrainingFixtures.Model(32, 16) with { HeadRank = rank }, TrainingFixtures.Options(80), corpus, CPU);

        var (losses, _) = TrainingFixtures.Train(trainer);
        var singular = HeadSpectrum.Of(trainer.Model).Singular;

        Assert.True(losses.Skip(70).Average() < losses.Take(10).Average() - 0.3,
            $"the loss should fall: first ten {losses.Take(10).Average()}, last ten {losses.Skip(70).Average()}");
        Assert.Equal(16, singular.Length);
        Assert.True(singular[rank - 1] / singular[0] > 1e-3, "the head should use all r directions");
        Assert.True(singular[rank] / singular[0] < 1e-5, $"σ_{rank + 1}/σ_1 = {singular[rank] / singular[0]} should vanish");
    }

    private static Tensor Named(nn.Module module, string name) => module.named_parameters().Single(p => p.name == name).parameter;
}
