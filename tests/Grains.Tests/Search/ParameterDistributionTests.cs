using OrleansSweep.Grains.Search;

namespace OrleansSweep.Grains.Tests.Search;

/// <summary>Each distribution's draws, loosely but honestly: their support and their centre over a few thousand seeded draws.</summary>
public sealed class ParameterDistributionTests
{
    private const int Draws = 4000;
    private static readonly SpecField LearningRate = SpecFields.Find("training", "learning_rate")!;
    private static readonly SpecField BatchSize = SpecFields.Find("training", "batch_size")!;
    private static readonly SpecField Seed = SpecFields.Find("training", "seed")!;

    [Fact]
    public void UniformIsFlatBetweenItsBounds()
    {
        var draws = Sample(new() { Distribution = "uniform", Min = 0.2, Max = 0.6 }, LearningRate);

        Assert.All(draws, d => Assert.InRange(d, 0.2, 0.6));
        Assert.Equal(0.4, draws.Average(), 0.01);
        Assert.Equal(0.25, draws.Count(d => d < 0.3) / (double)Draws, 0.03);
    }

    [Fact]
    public void IntUniformDrawsEveryIntegerIncludingBothBoundsEquallyOften()
    {
        var draws = Sample(new() { Distribution = "int_uniform", Min = 3, Max = 6 }, Seed);

        Assert.Equal([3.0, 4, 5, 6], draws.Distinct().Order());
        Assert.All(draws.GroupBy(d => d), g => Assert.Equal(0.25, g.Count() / (double)Draws, 0.03));
    }

    [Fact]
    public void LogUniformHasTheGeometricMeanAsItsMedianAndEqualMassPerDecade()
    {
        var draws = Sample(new() { Distribution = "log_uniform_values", Min = 1e-4, Max = 1e-1 }, LearningRate);

        Assert.All(draws, d => Assert.InRange(d, 1e-4, 1e-1));
        Assert.Equal(Math.Log(Math.Sqrt(1e-4 * 1e-1)), Math.Log(Median(draws)), 0.25);
        Assert.Equal(1.0 / 3, draws.Count(d => d < 1e-3) / (double)Draws, 0.03);
    }

    [Fact]
    public void QUniformGivesMultiplesOfQClampedIntoItsBoundsAndTheGridListsTheSameValues()
    {
        var p = new ParameterSpec { Distribution = "q_uniform", Min = 10, Max = 64, Q = 8 };

        var draws = Sample(p, BatchSize);

        Assert.Equal([10.0, 16, 24, 32, 40, 48, 56, 64], draws.Distinct().Order());
        Assert.Equal(draws.Distinct().Order(), Enumerable.Range(0, (int)ParameterDistribution.Count(p)).Select(i => ParameterDistribution.ValueAt(p, i)));
    }

    [Fact]
    public void QLogUniformRoundsALogUniformDrawToMultiplesOfQ()
    {
        var p = new ParameterSpec { Distribution = "q_log_uniform_values", Min = 8, Max = 512, Q = 8 };

        var draws = Sample(p, BatchSize);

        Assert.All(draws, d => Assert.Equal(0, d % 8));
        Assert.Equal(64, Median(draws), 16.0);
        Assert.Superset(draws.ToHashSet(), Enumerable.Range(0, (int)ParameterDistribution.Count(p)).Select(i => ParameterDistribution.ValueAt(p, i)).ToHashSet());
    }

    [Fact]
    public void NormalHasItsMeanAndSpreadAndIsDrawnAgainOutsideTheFieldsRange()
    {
        var draws = Sample(new() { Distribution = "normal", Mu = 0.5, Sigma = 0.1 }, LearningRate);
        var truncated = Sample(new() { Distribution = "normal", Mu = 0.05, Sigma = 0.1 }, LearningRate);

        Assert.Equal(0.5, draws.Average(), 0.01);
        Assert.Equal(0.1, Math.Sqrt(draws.Average(d => (d - 0.5) * (d - 0.5))), 0.01);
        Assert.All(truncated, d => Assert.True(d > 0));
    }

    [Fact]
    public void LogNormalIsTheExponentialOfANormal()
    {
        var draws = Sample(new() { Distribution = "log_normal", Mu = -5, Sigma = 1 }, LearningRate);

        Assert.Equal(-5, Math.Log(Median(draws)), 0.1);
        Assert.Equal(1, Math.Sqrt(draws.Select(d => Math.Log(d)).Average(l => (l + 5) * (l + 5))), 0.05);
    }

    [Fact]
    public void CategoricalFollowsItsProbabilitiesOrIsUniformWithout()
    {
        var weighted = Sample(new() { Distribution = "categorical", Values = [16, 32, 64], Probabilities = [0.7, 0.2, 0.1] }, BatchSize);
        var even = Sample(new() { Distribution = "categorical", Values = [16, 32] }, BatchSize);

        Assert.Equal(0.7, weighted.Count(d => d == 16) / (double)Draws, 0.03);
        Assert.Equal(0.1, weighted.Count(d => d == 64) / (double)Draws, 0.03);
        Assert.Equal(0.5, even.Count(d => d == 16) / (double)Draws, 0.03);
    }

    [Fact]
    public void ConstantAlwaysGivesItsValueAndTheSameSeedTheSameDraws()
    {
        Assert.All(Sample(new() { Distribution = "constant", Value = 7 }, Seed), d => Assert.Equal(7, d));
        var p = new ParameterSpec { Distribution = "uniform", Min = 0.1, Max = 1 };
        Assert.Equal(Sample(p, LearningRate, seed: 5), Sample(p, LearningRate, seed: 5));
        Assert.NotEqual(Sample(p, LearningRate, seed: 5), Sample(p, LearningRate, seed: 6));
    }

    private static List<double> Sample(ParameterSpec p, SpecField field, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, Draws).Select(_ => ParameterDistribution.Sample(p, field, random))];
    }

    private static double Median(List<double> draws) => draws.Order().ElementAt(draws.Count / 2);
}
