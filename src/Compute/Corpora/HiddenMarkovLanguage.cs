using System.Numerics;

namespace OrleansSweep.Compute.Corpora;

/// <summary>
/// A hidden Markov language (SCIENCE.md §11): R hidden states whose transitions have rows softmax(β·g), each state emitting
/// from all V tokens with Dirichlet(α_E) weights. The probability matrix of any n-gram order has rank ≤ R, its logarithm does
/// not; unlike the low-rank Markov language the entropy rate has no closed form and is estimated with the forward algorithm.
/// </summary>
public sealed class HiddenMarkovLanguage
{
    // Each state's emissions cover all V tokens, so an output is its token.
    private readonly HiddenChain _chain;

    private HiddenMarkovLanguage(HiddenMarkovParameters parameters, HiddenChain chain)
    {
        Parameters = parameters;
        _chain = chain;
    }

    /// <summary>The parameters the language was drawn from.</summary>
    public HiddenMarkovParameters Parameters { get; }

    /// <summary>V, the number of tokens.</summary>
    public int VocabularySize => Parameters.VocabularySize;

    /// <summary>R, the number of hidden states.</summary>
    public int Rank => Parameters.Rank;

    /// <summary>Draws the language for <paramref name="parameters"/>; the same parameters always give the same language.</summary>
    public static HiddenMarkovLanguage Create(HiddenMarkovParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new HiddenMarkovLanguage(parameters, HiddenChain.Draw(parameters, _ => parameters.VocabularySize));
    }

    /// <summary>A language with the given row-major transition (R×R) and emission (R×V) matrices, whose rows must each sum to 1.</summary>
    internal static HiddenMarkovLanguage FromMatrices(double[] transition, double[] emission, int rank, int vocabularySize)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(transition.Length, rank * rank);
        ArgumentOutOfRangeException.ThrowIfNotEqual(emission.Length, rank * vocabularySize);
        var emissions = emission.Chunk(vocabularySize).ToArray();
        return new HiddenMarkovLanguage(
            new HiddenMarkovParameters(vocabularySize, rank, Beta: double.NaN, EmissionConcentration: double.NaN, Seed: 0),
            new HiddenChain(transition, emissions));
    }

    /// <summary>
    /// A sample of <paramref name="length"/> tokens whose first hidden state is drawn from the stationary distribution, so the
    /// stream is stationary from its start. The same seed always gives the same sample.
    /// </summary>
    public int[] Sample(int length, int seed) => _chain.Sample(length, seed, static (_, token) => token);

    /// <summary>ln P(x_1..x_n) by the forward algorithm, the first hidden state stationary.</summary>
    public double LogLikelihood(ReadOnlySpan<int> tokens)
    {
        var total = 0.0;
        foreach (var loss in TokenLosses(tokens))
        {
            total -= loss;
        }

        return total;
    }

    /// <summary>
    /// Estimates the entropy rate on a fresh sample of <paramref name="tokens"/> tokens: −(1/n) ln P(x_1..x_n) by the forward
    /// algorithm, which converges to the rate (Shannon–McMillan–Breiman); the standard error comes from 64 batch means.
    /// </summary>
    public EntropyRateEstimate EstimateEntropyRate(int tokens, int seed)
    {
        const int Batches = 64;
        ArgumentOutOfRangeException.ThrowIfLessThan(tokens, Batches * 2);
        var losses = TokenLosses(Sample(tokens, seed));

        // Neighbouring per-token losses are correlated through the hidden state, so their own spread would understate the
        // error; means of long batches are close to independent.
        var batchMeans = new double[Batches];
        for (var b = 0; b < Batches; b++)
        {
            var first = (int)((long)tokens * b / Batches);
            var end = (int)((long)tokens * (b + 1) / Batches);
            var sum = 0.0;
            for (var t = first; t < end; t++)
            {
                sum += losses[t];
            }

            batchMeans[b] = sum / (end - first);
        }

        var rate = losses.Average();
        var spread = batchMeans.Sum(m => (m - rate) * (m - rate)) / (Batches - 1);
        return new EntropyRateEstimate(rate, Math.Sqrt(spread / Batches), tokens);
    }

    /// <summary>
    /// P(w | prev) as a row-major V×V matrix for a stationary stream: the hidden state behind prev is weighted by its
    /// stationary posterior π(s)·E[s, prev], so the matrix factors as (V×R)·T·E and has rank ≤ R.
    /// </summary>
    public double[] BigramProbabilities()
    {
        var v = VocabularySize;
        var r = Rank;
        var transition = _chain.Transition;
        var emissions = _chain.Emissions;

        // nextTokens[s, w] = Σ_s' T[s, s'] E[s', w]: the next token's distribution given the current state.
        var nextTokens = new double[r * v];
        for (var s = 0; s < r; s++)
        {
            for (var next = 0; next < r; next++)
            {
                var weight = transition[s * r + next];
                for (var w = 0; w < v; w++)
                {
                    nextTokens[s * v + w] += weight * emissions[next][w];
                }
            }
        }

        var matrix = new double[v * v];
        var posterior = new double[r];
        for (var previous = 0; previous < v; previous++)
        {
            var norm = 0.0;
            for (var s = 0; s < r; s++)
            {
                posterior[s] = _chain.StationaryStates[s] * emissions[s][previous];
                norm += posterior[s];
            }

            for (var s = 0; s < r; s++)
            {
                var weight = posterior[s] / norm;
                for (var w = 0; w < v; w++)
                {
                    matrix[previous * v + w] += weight * nextTokens[s * v + w];
                }
            }
        }

        return matrix;
    }

    // −ln P(x_t | x_1..x_{t−1}) for each t: the forward recursion, renormalised at every step so nothing underflows.
    private double[] TokenLosses(ReadOnlySpan<int> tokens)
    {
        var losses = new double[tokens.Length];
        if (tokens.Length == 0)
        {
            return losses;
        }

        var r = Rank;
        var v = VocabularySize;
        var transition = _chain.Transition;
        var emissions = _chain.Emissions;
        var filtered = new double[r];
        var predicted = (double[])_chain.StationaryStates.Clone();
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            ArgumentOutOfRangeException.ThrowIfNegative(token, nameof(tokens));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(token, v, nameof(tokens));
            var norm = 0.0;
            for (var s = 0; s < r; s++)
            {
                filtered[s] = predicted[s] * emissions[s][token];
                norm += filtered[s];
            }

            losses[t] = -Math.Log(norm);
            Array.Clear(predicted);
            for (var s = 0; s < r; s++)
            {
                AddScaled(predicted, transition.AsSpan(s * r, r), filtered[s] / norm);
            }
        }

        return losses;
    }

    // target += weight · row; the O(R²) step per token that dominates the forward pass, so it runs on SIMD lanes.
    private static void AddScaled(Span<double> target, ReadOnlySpan<double> row, double weight)
    {
        var lanes = Vector<double>.Count;
        var scale = new Vector<double>(weight);
        var i = 0;
        for (; i <= row.Length - lanes; i += lanes)
        {
            (new Vector<double>(target[i..]) + scale * new Vector<double>(row[i..])).CopyTo(target[i..]);
        }

        for (; i < row.Length; i++)
        {
            target[i] += weight * row[i];
        }
    }
}
