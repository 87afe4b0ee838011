using OrleansSweep.Compute.Corpora;

namespace OrleansSweep.Compute.Tests.Corpora;

public sealed class HiddenMarkovLanguageTests
{
    private static readonly HiddenMarkovParameters Small = new(VocabularySize: 32, Rank: 4, Seed: 5);

    [Fact]
    public void ForwardLogLikelihoodEqualsTheSumOverEveryHiddenPath()
    {
        double[] transition = [0.7, 0.3, 0.4, 0.6];
        double[] emission = [0.5, 0.3, 0.2, 0.1, 0.2, 0.7];
        var language = HiddenMarkovLanguage.FromMatrices(transition, emission, rank: 2, vocabularySize: 3);
        // The stationary distribution of a two-state chain: π_0 = T[1,0] / (T[0,1] + T[1,0]).
        double[] stationary = [0.4 / 0.7, 0.3 / 0.7];

        foreach (int[] tokens in new[] { new[] { 0, 2, 2, 1, 0 }, [2, 2, 2, 2, 2], [1, 0, 1, 0, 1] })
        {
            var probability = 0.0;
            for (var path = 0; path < 1 << tokens.Length; path++)
            {
                var state = path & 1;
                var p = stationary[state] * emission[state * 3 + tokens[0]];
                for (var t = 1; t < tokens.Length; t++)
                {
                    var next = (path >> t) & 1;
                    p *= transition[state * 2 + next] * emission[next * 3 + tokens[t]];
                    state = next;
                }

                probability += p;
            }

            Assert.Equal(Math.Log(probability), language.LogLikelihood(tokens), 12);
        }
    }

    [Fact]
    public void ProbabilitiesOfAllSequencesOfADrawnLanguageSumToOne()
    {
        var language = HiddenMarkovLanguage.Create(new HiddenMarkovParameters(VocabularySize: 3, Rank: 2, Seed: 9));

        var total = 0.0;
        var tokens = new int[4];
        for (var code = 0; code < 81; code++)
        {
            for (int t = 0, rest = code; t < tokens.Length; t++, rest /= 3)
            {
                tokens[t] = rest % 3;
            }

            total += Math.Exp(language.LogLikelihood(tokens));
        }

        Assert.Equal(1.0, total, 12);
    }

    [Fact]
    public void BigramMatrixMatchesTheFrequenciesOfALongSample()
    {
        var language = HiddenMarkovLanguage.Create(new HiddenMarkovParameters(VocabularySize: 6, Rank: 3, Seed: 2));
        var sample = language.Sample(600_000, seed: 11);
        var counts = new double[36];
        for (var t = 1; t < sample.Length; t++)
        {
            counts[sample[t - 1] * 6 + sample[t]]++;
        }

        var matrix = language.BigramProbabilities();
        for (var previous = 0; previous < 6; previous++)
        {
            var row = counts.AsSpan(previous * 6, 6).ToArray();
            for (var next = 0; next < 6; next++)
            {
                Assert.Equal(matrix[previous * 6 + next], row[next] / row.Sum(), 0.01);
            }
        }
    }

    [Fact]
    public void BigramProbabilityMatrixHasRankRWhileItsLogarithmHasMore()
    {
        var language = HiddenMarkovLanguage.Create(Small);
        var probabilities = language.BigramProbabilities();

        var singular = SingularValues(probabilities, Small.VocabularySize);
        var logSingular = SingularValues(probabilities.Select(p => Math.Log(p)).ToArray(), Small.VocabularySize);

        Assert.Equal(Small.Rank, singular.Count(sigma => sigma > singular[0] * 1e-10));
        Assert.True(singular[Small.Rank - 1] > singular[0] * 1e-4);
        // Overlapping emissions break the rank ≤ R + 1 bound that disjoint groups give the log-probabilities.
        Assert.True(logSingular.Count(sigma => sigma > logSingular[0] * 1e-6) > Small.Rank + 1);
    }

    [Fact]
    public void DisjointEmissionsReproduceTheLowRankMarkovEntropyRate()
    {
        var markov = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(VocabularySize: 64, Rank: 8, Seed: 4));
        var (rank, size) = (markov.Rank, markov.VocabularySize);
        // Token a < R is in state a, so row a of P gives T[a, b] = Σ_{w in group b} P(w | a) and e[w] = P(w | a) / T[a, s(w)].
        var transition = new double[rank * rank];
        var emission = new double[rank * size];
        for (var state = 0; state < rank; state++)
        {
            for (var w = 0; w < size; w++)
            {
                transition[state * rank + markov.StateOf(w)] += markov.Probability(state, w);
            }
        }

        for (var w = 0; w < size; w++)
        {
            var state = markov.StateOf(w);
            emission[state * size + w] = markov.Probability(state, w) / transition[state * rank + state];
        }

        var hmm = HiddenMarkovLanguage.FromMatrices(transition, emission, rank, size);
        var estimate = hmm.EstimateEntropyRate(200_000, seed: 3);

        Assert.Equal(200_000, estimate.Tokens);
        Assert.InRange(estimate.StandardError, 1e-4, 0.02);
        Assert.InRange(estimate.Rate, markov.EntropyRate - 4 * estimate.StandardError, markov.EntropyRate + 4 * estimate.StandardError);
    }

    [Fact]
    public void SameParametersGiveTheSameSamplesInTheVocabulary()
    {
        var first = HiddenMarkovLanguage.Create(Small).Sample(5_000, seed: 2);
        var second = HiddenMarkovLanguage.Create(Small with { }).Sample(5_000, seed: 2);
        var other = HiddenMarkovLanguage.Create(Small with { Seed = 6 }).Sample(5_000, seed: 2);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.All(first, token => Assert.InRange(token, 0, Small.VocabularySize - 1));
    }

    private static double[] SingularValues(double[] matrix, int size)
    {
        using var tensor = torch.tensor(matrix, [size, size], torch.float64);
        using var values = torch.linalg.svdvals(tensor);
        return values.data<double>().ToArray();
    }
}
