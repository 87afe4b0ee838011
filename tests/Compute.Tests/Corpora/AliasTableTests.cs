using OrleansSweep.Compute.Corpora;

namespace OrleansSweep.Compute.Tests.Corpora;

public sealed class AliasTableTests
{
    [Fact]
    public void DrawFrequenciesMatchTheDistribution()
    {
        double[] weights = [5.0, 0.0, 1.0, 3.0, 0.5, 0.5];
        var table = AliasTable.Build(weights);
        var random = new System.Random(1);
        const int draws = 400_000;
        var counts = new int[weights.Length];
        for (var i = 0; i < draws; i++)
        {
            counts[table.Draw(random.NextDouble())]++;
        }

        var total = weights.Sum();
        for (var outcome = 0; outcome < weights.Length; outcome++)
        {
            var p = weights[outcome] / total;
            var error = Math.Sqrt(p * (1 - p) / draws);
            Assert.InRange((double)counts[outcome] / draws, p - 5 * error, p + 5 * error);
        }

        Assert.Equal(0, counts[1]);
    }

    [Fact]
    public void SingleOutcomeIsAlwaysDrawn()
    {
        var table = AliasTable.Build([0.25]);

        Assert.Equal(0, table.Draw(0.0));
        Assert.Equal(0, table.Draw(0.999999));
    }
}
