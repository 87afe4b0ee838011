using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Ngrams;

namespace OrleansSweep.Compute.Tests.Ngrams;

public sealed class NgramCounterTests
{
    // Positions 2..9 give the trigrams (0,1)→2, (1,2)→0, (2,0)→1, (0,1)→3, (1,3)→0, (3,0)→1, (0,1)→2, (1,2)→4.
    private static readonly int[] HandMade = [0, 1, 2, 0, 1, 3, 0, 1, 2, 4];

    [Fact]
    public void OrderThreeCountsEveryContextOfAHandMadeStream()
    {
        var matrix = NgramCounter.Count(HandMade, order: 3);

        // Rows in order of first occurrence: (0,1), (1,2), (2,0), (1,3), (3,0); columns are tokens 0..4.
        double[,] expected =
        {
            { 0, 0, 2.0 / 3, 1.0 / 3, 0 },
            { 0.5, 0, 0, 0, 0.5 },
            { 0, 1, 0, 0, 0 },
            { 1, 0, 0, 0, 0 },
            { 0, 1, 0, 0, 0 },
        };
        Assert.Equal([0, 1, 2, 3, 4], matrix.ColumnTokens);
        Assert.Equal(5, matrix.Contexts);
        Assert.Equal(7, matrix.Probabilities.NonZeros);
        AssertDense(expected, matrix.Probabilities.ToDense());
        Assert.Equal([3.0, 2, 1, 1, 1], matrix.RowCounts!);
    }

    [Fact]
    public void MinCountDropsRarerContextsAndTheColumnsOnlyTheyUsed()
    {
        var matrix = NgramCounter.Count(HandMade, order: 3, minCount: 2);

        Assert.Equal(2, matrix.Contexts);
        Assert.Equal([0, 2, 3, 4], matrix.ColumnTokens);
        AssertDense(new[,] { { 0, 2.0 / 3, 1.0 / 3, 0 }, { 0.5, 0, 0, 0.5 } }, matrix.Probabilities.ToDense());
    }

    [Fact]
    public void TheHalfDifferenceSplitsEachContextsOccurrencesAlternately()
    {
        var matrix = NgramCounter.Count(HandMade, order: 3, minCount: 2);

        // (0,1) → 2 | 3 | 2: halves {2, 2} and {3}, n₁ = 2, n₂ = 1, scale √2/3. (1,2) → 0 | 4: scale √1/2. Columns 0, 2, 3, 4.
        var scale = Math.Sqrt(2) / 3;
        AssertDense(new[,] { { 0, scale, -scale, 0 }, { 0.5, 0, 0, -0.5 } }, matrix.HalfDifference!.ToDense());
    }

    [Fact]
    public void BigramRowsAreTheEmpiricalNextTokenDistributions()
    {
        int[] tokens = [5, 7, 5, 5, 7, 9, 5];
        var matrix = NgramCounter.Count(tokens, order: 2);

        // 5 → 7, 5, 7 ; 7 → 5, 9 ; 9 → 5. Columns 5, 7, 9.
        Assert.Equal([5, 7, 9], matrix.ColumnTokens);
        AssertDense(new[,] { { 1.0 / 3, 2.0 / 3, 0 }, { 0.5, 0, 0.5 }, { 1, 0, 0 } }, matrix.Probabilities.ToDense());
    }

    [Fact]
    public void TheHalfDifferenceHasTheVarianceOfTheSamplingNoise()
    {
        // Independent tokens: every row's truth is the emission distribution, known exactly.
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(VocabularySize: 32, Rank: 1, Seed: 5));
        var truth = language.StationaryTokenDistribution;
        var matrix = NgramCounter.Count(language.Sample(200_000, seed: 9), order: 2, minCount: 2);

        var dense = matrix.Probabilities.ToDense();
        var difference = matrix.HalfDifference!.ToDense();
        var (noise, probe) = (0.0, 0.0);
        for (var row = 0; row < matrix.Contexts; row++)
        {
            for (var column = 0; column < matrix.EffectiveVocabulary; column++)
            {
                var error = dense[row, column] - truth[matrix.ColumnTokens[column]];
                noise += error * error;
                probe += difference[row, column] * difference[row, column];
            }
        }

        // E‖D‖_F² = E‖W − P‖_F², with odd counts too; 32 rows × 32 columns of squares, so a few per cent of spread.
        Assert.InRange(probe / noise, 0.9, 1.1);
    }

    [Theory]
    [InlineData(1, 1, "order")]
    [InlineData(2, 0, "min count")]
    public void RefusesAnOrderBelowTwoOrAMinCountBelowOne(int order, int minCount, string named)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => NgramCounter.Count(HandMade, order, minCount));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void RefusesNegativeTokensAndStreamsShorterThanTheOrder()
    {
        Assert.Contains("non-negative", Assert.Throws<ArgumentException>(() => NgramCounter.Count([1, -2, 3], 2)).Message);
        Assert.Contains("at least 4 tokens", Assert.Throws<ArgumentException>(() => NgramCounter.Count([1, 2, 3], 4)).Message);
    }

    private static void AssertDense(double[,] expected, double[,] actual)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (var i = 0; i < expected.GetLength(0); i++)
            for (var j = 0; j < expected.GetLength(1); j++) Assert.Equal(expected[i, j], actual[i, j], 12);
    }
}
