using OrleansSweep.Compute.Corpora;
using TorchSharp;

namespace OrleansSweep.Compute.Tests.Corpora;

public sealed class LowRankMarkovLanguageTests
{
    private static readonly LowRankMarkovParameters Small = new(VocabularySize: 64, Rank: 8, Seed: 3);

    [Fact]
    public void SameParametersGiveTheSameLanguageAndSamples()
    {
        var first = LowRankMarkovLanguage.Create(Small);
        var second = LowRankMarkovLanguage.Create(Small with { });

        Assert.Equal(ProbabilityMatrix(first), ProbabilityMatrix(second));
        Assert.Equal(first.EntropyRate, second.EntropyRate);
        Assert.Equal(first.Sample(10_000, seed: 9), second.Sample(10_000, seed: 9));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentLanguagesAndSamples()
    {
        var first = LowRankMarkovLanguage.Create(Small);
        var second = LowRankMarkovLanguage.Create(Small with { Seed = 4 });

        Assert.NotEqual(ProbabilityMatrix(first), ProbabilityMatrix(second));
        Assert.NotEqual(first.Sample(1_000, seed: 9), first.Sample(1_000, seed: 10));
    }

    [Fact]
    public void TokensFallIntoNonEmptyGroupsByResidue()
    {
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(VocabularySize: 50, Rank: 7));
        var groups = Enumerable.Range(0, 50).GroupBy(language.StateOf).ToList();

        Assert.Equal(7, groups.Count);
        Assert.All(Enumerable.Range(0, 50), token => Assert.Equal(token % 7, language.StateOf(token)));
    }

    [Theory]
    [InlineData(64, 8, 1.0, 1.0)]
    [InlineData(100, 7, 3.0, 0.05)]
    [InlineData(10, 10, 0.5, 20.0)]
    public void EveryRowOfTheProbabilityMatrixSumsToOne(int vocabularySize, int rank, double beta, double concentration)
    {
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(vocabularySize, rank, beta, concentration));

        for (var previous = 0; previous < vocabularySize; previous++)
        {
            var row = Enumerable.Range(0, vocabularySize).Select(next => language.Probability(previous, next)).ToArray();
            Assert.All(row, p => Assert.True(p >= 0.0));
            Assert.Equal(1.0, row.Sum(), 12);
        }
    }

    [Fact]
    public void ProbabilityMatrixHasNumericalRankExactlyR()
    {
        var language = LowRankMarkovLanguage.Create(Small);
        var singularValues = SingularValues(ProbabilityMatrix(language), Small.VocabularySize);

        var tolerance = singularValues[0] * 1e-10;
        Assert.Equal(Small.Rank, singularValues.Count(sigma => sigma > tolerance));
        // The R-th value stands far above the noise floor, so the count does not hinge on the tolerance.
        Assert.True(singularValues[Small.Rank - 1] > singularValues[0] * 1e-4);
    }

    [Fact]
    public void StationaryTokenDistributionIsInvariantUnderTheChain()
    {
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(VocabularySize: 60, Rank: 9, Beta: 2.5, Seed: 8));
        var pi = language.StationaryTokenDistribution;

        Assert.Equal(1.0, pi.Sum(), 12);
        for (var next = 0; next < pi.Length; next++)
        {
            var flowIn = Enumerable.Range(0, pi.Length).Sum(previous => pi[previous] * language.Probability(previous, next));
            Assert.Equal(pi[next], flowIn, 12);
        }
    }

    [Theory]
    [InlineData(64, 8, 1.0, 1.0)]
    [InlineData(200, 16, 2.0, 0.3)]
    public void EntropyRateAgreesWithMonteCarloLoss(int vocabularySize, int rank, double beta, double concentration)
    {
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(vocabularySize, rank, beta, concentration, Seed: 5));
        var sample = language.Sample(1_000_000, seed: 17);

        // Losses of neighbouring steps are correlated through the chain, so the standard error comes from batch means.
        const int batches = 100;
        var batchLength = (sample.Length - 1) / batches;
        var batchMeans = new double[batches];
        for (var b = 0; b < batches; b++)
        {
            var sum = 0.0;
            for (var t = 1 + b * batchLength; t < 1 + (b + 1) * batchLength; t++)
            {
                sum -= Math.Log(language.Probability(sample[t - 1], sample[t]));
            }

            batchMeans[b] = sum / batchLength;
        }

        var mean = batchMeans.Average();
        var standardError = Math.Sqrt(batchMeans.Select(m => (m - mean) * (m - mean)).Sum() / (batches - 1) / batches);
        Assert.InRange(language.EntropyRate, mean - 4 * standardError, mean + 4 * standardError);
    }

    [Fact]
    public void EmpiricalBigramFrequenciesMatchTheProbabilities()
    {
        const int vocabularySize = 16;
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(vocabularySize, Rank: 4, Seed: 2));
        var sample = language.Sample(800_000, seed: 23);
        var counts = new int[vocabularySize, vocabularySize];
        var contexts = new int[vocabularySize];
        for (var t = 1; t < sample.Length; t++)
        {
            counts[sample[t - 1], sample[t]]++;
            contexts[sample[t - 1]]++;
        }

        for (var previous = 0; previous < vocabularySize; previous++)
        {
            Assert.True(contexts[previous] > 1_000, $"token {previous} was seen only {contexts[previous]} times");
            for (var next = 0; next < vocabularySize; next++)
            {
                // Given the previous token each next token is an independent draw, so the binomial error is exact.
                var p = language.Probability(previous, next);
                var error = Math.Sqrt(p * (1 - p) / contexts[previous]) + 1e-9;
                Assert.InRange((double)counts[previous, next] / contexts[previous], p - 5 * error, p + 5 * error);
            }
        }
    }

    [Fact]
    public void SamplesStayInTheVocabulary()
    {
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(VocabularySize: 37, Rank: 5));

        Assert.All(language.Sample(50_000, seed: 1), token => Assert.InRange(token, 0, 36));
        Assert.Empty(language.Sample(0, seed: 1));
    }

    private static double[] ProbabilityMatrix(LowRankMarkovLanguage language)
    {
        var size = language.VocabularySize;
        var matrix = new double[size * size];
        for (var previous = 0; previous < size; previous++)
        {
            for (var next = 0; next < size; next++)
            {
                matrix[previous * size + next] = language.Probability(previous, next);
            }
        }

        return matrix;
    }

    private static double[] SingularValues(double[] matrix, int size)
    {
        using var tensor = torch.tensor(matrix, [size, size], torch.float64);
        using var values = torch.linalg.svdvals(tensor);
        return values.data<double>().ToArray();
    }
}
