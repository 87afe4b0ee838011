using System.Numerics;

namespace OrleansSweep.Compute.Corpora;

/// <summary>
/// A hidden Markov language (SCIENCE.md §11): R hidden states whose transitions have rows softmax(β·g), each state emitting
/// from all V tokens with Dirichlet(α_E) weights. The probability matrix of any n-gram order has rank ≤ R, its logarithm does
/// not; unlike the low-rank Markov language the entropy rate has no closed form and is estimated with the forward algorithm.
/// </summary>
public sealed class HiddenMarkovLanguage
{
    // T, row-major R×R: _transition[a * R + b] = P(next state b | state a).
    private readonly double[] _transition;

    // E, row-major R×V: _emission[s * V + w] = P(token w | state s).
    private readonly double[] _emission;

    private readonly double[] _stationaryStates;
    private readonly AliasTable _initialState;
    private readonly AliasTable[] _nextState;
    private readonly AliasTable[] _emitted;

    private HiddenMarkovLanguage(HiddenMarkovParameters parameters, double[] transition, double[] emission)
    {
        Parameters = parameters;
        _transition = transition;
        _emission = emission;
        _stationaryStates = StationaryDistribution.Of(transition, Rank);
        _initialState = AliasTable.Build(_stationaryStates);
        _nextState = new AliasTable[Rank];
        _emitted = new AliasTable[Rank];
        for (var state = 0; state < Rank; state++)
        {
            _nextState[state] = AliasTable.Build(transition.AsSpan(state * Rank, Rank));
            _emitted[state] = AliasTable.Build(emission.AsSpan(state * VocabularySize, VocabularySize));
        }
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
        parameters.Validate();
        var random = new System.Random(parameters.Seed);

        // Draw order is part of the language's definition: T row by row, then the emissions state by state.
        var transition = TransitionMatrix.Draw(random, parameters.Rank, parameters.Beta);
        var emission = new double[parameters.Rank * parameters.VocabularySize];
        for (var state = 0; state < parameters.Rank; state++)
        {
            RandomVariates.SymmetricDirichlet(random, parameters.EmissionConcentration, parameters.VocabularySize)
                .CopyTo(emission, state * parameters.VocabularySize);
        }

        return new HiddenMarkovLanguage(parameters, transition, emission);
    }

    /// <summary>A language with the given row-major transition (R×R) and emission (R×V) matrices, whose rows must each sum to 1.</summary>
    internal static HiddenMarkovLanguage FromMatrices(double[] transition, double[] emission, int rank, int vocabularySize)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(transition.Length, rank * rank);
        ArgumentOutOfRangeException.ThrowIfNotEqual(emission.Length, rank * vocabularySize);
        return new HiddenMarkovLanguage(
            new HiddenMarkovParameters(vocabularySize, rank, Beta: double.NaN, EmissionConcentration: double.NaN, Seed: 0),
            transition,
            emission);
    }

    /// <summary>
    /// A sample of <paramref name="length"/> tokens whose first hidden state is drawn from the stationary distribution, so the
    /// stream is stationary from its start. The same seed always gives the same sample.
    /// </summary>
    public int[] Sample(int length, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var tokens = new int[length];
        if (length == 0)
        {
            return tokens;
        }

        var random = new System.Random(seed);
        var state = _initialState.Draw(random.NextDouble());
        tokens[0] = _emitted[state].Draw(random.NextDouble());
        for (var t = 1; t < length; t++)
        {
            state = _nextState[state].Draw(random.NextDouble());
            tokens[t] = _emitted[state].Draw(random.NextDouble());
        }

        return tokens;
    }

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

        // nextTokens[s, w] = Σ_s' T[s, s'] E[s', w]: the next token's distribution given the current state.
        var nextTokens = new double[r * v];
        for (var s = 0; s < r; s++)
        {
            for (var next = 0; next < r; next++)
            {
                var weight = _transition[s * r + next];
                for (var w = 0; w < v; w++)
                {
                    nextTokens[s * v + w] += weight * _emission[next * v + w];
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
                posterior[s] = _stationaryStates[s] * _emission[s * v + previous];
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
        var filtered = new double[r];
        var predicted = (double[])_stationaryStates.Clone();
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            ArgumentOutOfRangeException.ThrowIfNegative(token, nameof(tokens));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(token, v, nameof(tokens));
            var norm = 0.0;
            for (var s = 0; s < r; s++)
            {
                filtered[s] = predicted[s] * _emission[s * v + token];
                norm += filtered[s];
            }

            losses[t] = -Math.Log(norm);
            Array.Clear(predicted);
            for (var s = 0; s < r; s++)
            {
                AddScaled(predicted, _transition.AsSpan(s * r, r), filtered[s] / norm);
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
