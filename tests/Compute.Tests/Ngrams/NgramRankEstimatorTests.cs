using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Ngrams;

namespace OrleansSweep.Compute.Tests.Ngrams;

public sealed class NgramRankEstimatorTests
{
    private static readonly double[] Chosen = [9.0, 5.0, 4.0, 2.5, 1.0, 0.5, 0.25, 0.1];

    [Theory]
    [InlineData(SpectrumRoute.Exact)]
    [InlineData(SpectrumRoute.Randomized)]
    public void BothRoutesRecoverChosenSingularValuesAboveAFlatTail(SpectrumRoute route)
    {
        // Eight chosen σ over 40 at 0.01, in 300 columns: the Krylov space (4 blocks of 18) is far smaller than the matrix.
        double[] singular = [.. Chosen, .. Enumerable.Repeat(0.01, 40)];
        var matrix = new NgramMatrix(SparseFixtures.WithSingularValues(400, 300, singular, seed: 2), null, null, [.. Enumerable.Range(0, 300)]);

        var result = NgramRankEstimator.Estimate(matrix, new NgramRankOptions { Route = route, TopK = Chosen.Length }, Cancellation);

        Assert.Equal(route, result.Route);
        for (var i = 0; i < Chosen.Length; i++) Assert.Equal(Chosen[i], result.Singular[i], 9);
        var frobenius = singular.Sum(s => s * s);
        Assert.Equal(frobenius, result.FrobeniusSquared, 9);
        for (var r = 0; r <= Chosen.Length; r++)
            Assert.Equal(Math.Sqrt(singular.Skip(r).Sum(s => s * s) / frobenius), result.WError[r], 9);
    }

    [Fact]
    public void TheExactRouteReturnsEveryValueAndTheRandomizedOnlyTheTopK()
    {
        var matrix = new NgramMatrix(SparseFixtures.WithSingularValues(60, 30, Chosen, seed: 3), null, null, [.. Enumerable.Range(0, 30)]);

        var exact = NgramRankEstimator.Estimate(matrix, new NgramRankOptions { Route = SpectrumRoute.Exact }, Cancellation);
        var randomized = NgramRankEstimator.Estimate(matrix, new NgramRankOptions { Route = SpectrumRoute.Randomized, TopK = 5 }, Cancellation);

        Assert.Equal(30, exact.Singular.Length);
        Assert.All(exact.Singular.Skip(Chosen.Length), s => Assert.Equal(0.0, s));
        Assert.Equal(5, randomized.Singular.Length);
        Assert.Equal(6, randomized.WError.Length);
        // W-error(5) = √(0.5² + 0.25² + 0.1²)/‖W‖_F > 0.01: beyond the top 5, so unknown, not a wrong number.
        Assert.Null(randomized.Ranks.Single(r => r.Tolerance == 0.01).Rank);
        Assert.Equal(exact.Ranks.Single(r => r.Tolerance == 0.5).Rank, randomized.Ranks.Single(r => r.Tolerance == 0.5).Rank);
    }

    [Theory]
    [InlineData(4096, SpectrumRoute.Exact)]
    [InlineData(20, SpectrumRoute.Randomized)]
    public void AutoChoosesTheExactRouteUpToTheLimit(int exactLimit, SpectrumRoute expected)
    {
        var matrix = new NgramMatrix(SparseFixtures.WithSingularValues(60, 30, Chosen, seed: 3), null, null, [.. Enumerable.Range(0, 30)]);
        Assert.Equal(expected, NgramRankEstimator.Estimate(matrix, new NgramRankOptions { ExactLimit = exactLimit }, Cancellation).Route);
    }

    [Theory]
    [InlineData(SpectrumRoute.Exact)]
    [InlineData(SpectrumRoute.Randomized)]
    public void TheExactBigramMatrixOfTheLowRankLanguageHasRankR(SpectrumRoute route)
    {
        const int rank = 32;
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(VocabularySize: 256, Rank: rank, Seed: 4));
        var probabilities = BigramProbabilities(language);
        var reference = SvdValues(probabilities);

        var result = NgramRankEstimator.Estimate(
            NgramMatrix.FromWeights(probabilities), new NgramRankOptions { Route = route, TopK = rank + 8 }, Cancellation);

        Assert.Equal((256, 256), (result.Contexts, result.EffectiveVocabulary));
        // The language's weakest direction is well above rounding, so rank R is a real statement about the spectrum.
        Assert.True(reference[rank - 1] > 1e-6 * reference[0], $"σ_R/σ_1 = {reference[rank - 1] / reference[0]}");
        for (var i = 0; i < rank; i++) Assert.Equal(reference[i], result.Singular[i], 9);
        Assert.True(result.Singular[rank] <= 1e-9 * result.Singular[0], $"σ_(R+1)/σ_1 = {result.Singular[rank] / result.Singular[0]}");
        Assert.True(result.WError[rank] < 1e-6, $"W-error(R) = {result.WError[rank]}");
        Assert.True(result.WError[rank - 1] > 1e-6);
        Assert.Equal(rank, result.NoiseAwareRank);
        Assert.Equal(0.0, result.NoiseFloor);
    }

    [Theory]
    [InlineData(64, 2, 500_000)]
    [InlineData(128, 2, 1_000_000)]
    public void TheNoiseAwareRankOfSamplesIsRWhileThePlainRanksGrow(int vocabulary, int seed, int tokens)
    {
        const int rank = 8;
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(vocabulary, rank, Beta: 2.0, Seed: seed));
        // Detectable at this length: the weakest whitened signal direction, √N·σ_R, stands well clear of the noise edge ≈ 2√V.
        var whitened = SvdValues(WhitenedProbabilities(language));
        Assert.True(Math.Sqrt(tokens) * whitened[rank - 1] > 4 * Math.Sqrt(vocabulary), $"√N·σ_R = {Math.Sqrt(tokens) * whitened[rank - 1]}");

        foreach (var sampleSeed in new[] { 11, 12 })
        {
            var result = NgramRankEstimator.Estimate(language.Sample(tokens, sampleSeed), order: 2, minCount: 2, cancellation: Cancellation);

            Assert.Equal(rank, result.NoiseAwareRank);
            Assert.True(result.Ranks.Single(r => r.Tolerance == 0.01).Rank > 2 * rank, $"rank at τ = 0.01: {result.Ranks[3].Rank}");
            Assert.True(result.WError[rank] > 0.01, "sampling noise keeps W-error(R) above 1 %");
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(256)]
    public void IndependentTokensHaveNoiseAwareRankOneWhateverTheSample(int vocabulary)
    {
        // Rank 1: every context has the same next-token distribution; all other σ are noise, which the 1.3 margin must reject.
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(vocabulary, Rank: 1, Seed: 6));
        for (var sampleSeed = 0; sampleSeed < 4; sampleSeed++)
        {
            var result = NgramRankEstimator.Estimate(language.Sample(200_000, sampleSeed), order: 2, minCount: 2, cancellation: Cancellation);

            Assert.Equal(1, result.NoiseAwareRank);
            Assert.True(result.Ranks.Single(r => r.Tolerance == 0.01).Rank > 10);
            Assert.InRange(result.WhitenedSingular[1] / result.NoiseNorm, 0.8, 1.3);
        }
    }

    [Fact]
    public void RareAliasTokensLeaveTheNoiseAwareRankAtR()
    {
        // Zipf's tail in miniature: each emitted token is, with probability 2 %, written as one of 125 rare aliases of it whose
        // successors are the token's own. Alias rows equal their token's row and alias columns are multiples of its column, so the
        // true matrix keeps rank R; but contexts seen twice now meet next tokens seen once, as in real text.
        const int rank = 8, vocabulary = 64, tokens = 500_000, aliases = 8000;
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(vocabulary, rank, Beta: 2.0, Seed: 2));
        var stream = language.Sample(tokens, 11);
        var random = new Random(5);
        for (var t = 0; t < stream.Length; t++)
            if (random.NextDouble() < 0.02) stream[t] = vocabulary + stream[t] + vocabulary * random.Next(aliases / vocabulary);

        var matrix = NgramCounter.Count(stream, order: 2, minCount: 2);
        var tokenCounts = stream.Skip(1).CountBy(token => token).ToDictionary();
        var rareMeetsHapax = Enumerable.Range(0, matrix.Contexts).Count(c => matrix.RowCounts![c] <= 3
            && Enumerable.Range(matrix.Probabilities.RowPointers[c], matrix.Probabilities.RowPointers[c + 1] - matrix.Probabilities.RowPointers[c])
                .Any(k => tokenCounts[matrix.ColumnTokens[matrix.Probabilities.ColumnIndices[k]]] == 1));
        Assert.True(rareMeetsHapax >= 10, $"contexts seen ≤ 3 times followed by a token seen once: {rareMeetsHapax}");

        var options = new NgramRankOptions { Route = SpectrumRoute.Randomized, TopK = 4 * rank };
        var result = NgramRankEstimator.Estimate(matrix, options, Cancellation);

        // Unfloored, the noise probe's norm was ≈ 576, above all but the trivial σ of S (≈ 700): the rank came out 0.
        Assert.Equal(rank, result.NoiseAwareRank);
        Assert.InRange(result.WhitenedSingular[rank] / result.NoiseNorm, 0.8, 1.3);
    }

    [Fact]
    public void TheNoiseAwareRankIsUnknownWhenEveryComputedValueIsAboveTheFloor()
    {
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(64, 8, Beta: 2.0, Seed: 2));
        var options = new NgramRankOptions { Route = SpectrumRoute.Randomized, TopK = 4 };

        var result = NgramRankEstimator.Estimate(NgramCounter.Count(language.Sample(500_000, 11), 2, 2), options, Cancellation);

        Assert.Equal(4, result.WhitenedSingular.Length);
        Assert.All(result.WhitenedSingular, s => Assert.True(s > result.NoiseFloor));
        Assert.Null(result.NoiseAwareRank);
    }

    [Fact]
    public void AMatrixWithNoContextLeftIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => NgramRankEstimator.Estimate([1, 2, 3, 4], order: 2, minCount: 2, cancellation: Cancellation));
        Assert.Contains("min count", error.Message);
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static double[,] BigramProbabilities(LowRankMarkovLanguage language)
    {
        var v = language.VocabularySize;
        var probabilities = new double[v, v];
        for (var previous = 0; previous < v; previous++)
            for (var next = 0; next < v; next++) probabilities[previous, next] = language.Probability(previous, next);
        return probabilities;
    }

    // diag(√π)·P·diag(1/√π): the expected whitened matrix per token of a stationary sample (π is also the next-token marginal).
    private static double[,] WhitenedProbabilities(LowRankMarkovLanguage language)
    {
        var pi = language.StationaryTokenDistribution;
        var whitened = BigramProbabilities(language);
        for (var previous = 0; previous < pi.Length; previous++)
            for (var next = 0; next < pi.Length; next++) whitened[previous, next] *= Math.Sqrt(pi[previous] / pi[next]);
        return whitened;
    }

    private static double[] SvdValues(double[,] matrix)
    {
        using var scope = NewDisposeScope();
        var (rows, columns) = (matrix.GetLength(0), matrix.GetLength(1));
        var flat = new double[rows * columns];
        Buffer.BlockCopy(matrix, 0, flat, 0, flat.Length * sizeof(double));
        return linalg.svdvals(tensor(flat, [rows, columns], float64)).data<double>().ToArray();
    }
}
