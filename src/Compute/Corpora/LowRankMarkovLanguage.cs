namespace OrleansSweep.Compute.Corpora;

/// <summary>
/// A bigram language whose V×V probability matrix has rank R (SCIENCE.md §10): token w belongs to state w mod R, and
/// P(w | prev) = T[s(prev), s(w)] · e[w], with T's rows softmax(β·g), g standard Gaussian, and e Dirichlet(α_E) within each group.
/// Its exact entropy rate is the loss no model can beat, which makes it an oracle for the softmax bottleneck.
/// </summary>
public sealed class LowRankMarkovLanguage
{
    // T, row-major R×R: _transition[a * R + b] = P(next state b | state a).
    private readonly double[] _transition;

    // e[w], summing to 1 within each group.
    private readonly double[] _emission;

    private readonly double[] _stationaryStates;
    private readonly AliasTable _initialState;
    private readonly AliasTable[] _nextState;

    // _emitted[b] draws the index j of token b + j·R within group b.
    private readonly AliasTable[] _emitted;

    private LowRankMarkovLanguage(LowRankMarkovParameters parameters, double[] transition, double[] emission)
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
            _emitted[state] = AliasTable.Build(GroupEmission(state));
        }

        EntropyRate = ComputeEntropyRate();
    }

    /// <summary>The parameters the language was drawn from.</summary>
    public LowRankMarkovParameters Parameters { get; }

    /// <summary>V, the number of tokens.</summary>
    public int VocabularySize => Parameters.VocabularySize;

    /// <summary>R, the number of hidden states.</summary>
    public int Rank => Parameters.Rank;

    /// <summary>The exact entropy rate Σ_prev π(prev) H(P(·|prev)) in nats per token: the optimal loss of any model.</summary>
    public double EntropyRate { get; }

    /// <summary>π over tokens: π(w) = π_T(s(w)) · e[w], with π_T the stationary distribution of T. A fresh copy on each call.</summary>
    public double[] StationaryTokenDistribution
    {
        get
        {
            var distribution = new double[VocabularySize];
            for (var token = 0; token < VocabularySize; token++)
            {
                distribution[token] = _stationaryStates[StateOf(token)] * _emission[token];
            }

            return distribution;
        }
    }

    /// <summary>Draws the language for <paramref name="parameters"/>; the same parameters always give the same language.</summary>
    public static LowRankMarkovLanguage Create(LowRankMarkovParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        var rank = parameters.Rank;
        var random = new System.Random(parameters.Seed);

        // Draw order is part of the language's definition: T row by row, then the emissions group by group.
        var transition = TransitionMatrix.Draw(random, rank, parameters.Beta);
        var emission = new double[parameters.VocabularySize];
        for (var state = 0; state < rank; state++)
        {
            var group = RandomVariates.SymmetricDirichlet(random, parameters.EmissionConcentration, GroupSize(parameters, state));
            for (var j = 0; j < group.Length; j++)
            {
                emission[state + j * rank] = group[j];
            }
        }

        return new LowRankMarkovLanguage(parameters, transition, emission);
    }

    /// <summary>The hidden state (group) of a token.</summary>
    public int StateOf(int token)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(token);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(token, VocabularySize);
        return token % Rank;
    }

    /// <summary>P(next | previous).</summary>
    public double Probability(int previous, int next) =>
        _transition[StateOf(previous) * Rank + StateOf(next)] * _emission[next];

    /// <summary>
    /// A sample of <paramref name="length"/> tokens: the first from the stationary distribution, so the stream is stationary
    /// from its start, then the chain. The same seed always gives the same sample.
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
        tokens[0] = state + Rank * _emitted[state].Draw(random.NextDouble());
        for (var t = 1; t < length; t++)
        {
            // The next token depends on the previous one only through its state, so the chain runs on states.
            state = _nextState[state].Draw(random.NextDouble());
            tokens[t] = state + Rank * _emitted[state].Draw(random.NextDouble());
        }

        return tokens;
    }

    private static int GroupSize(LowRankMarkovParameters parameters, int state) =>
        (parameters.VocabularySize - state + parameters.Rank - 1) / parameters.Rank;

    private double[] GroupEmission(int state)
    {
        var group = new double[GroupSize(Parameters, state)];
        for (var j = 0; j < group.Length; j++)
        {
            group[j] = _emission[state + j * Rank];
        }

        return group;
    }

    private double ComputeEntropyRate()
    {
        // P(·|prev) depends on prev only through its state, so the sum over V previous tokens folds into R states.
        var rate = 0.0;
        for (var state = 0; state < Rank; state++)
        {
            var entropy = 0.0;
            for (var token = 0; token < VocabularySize; token++)
            {
                var p = _transition[state * Rank + token % Rank] * _emission[token];
                if (p > 0.0)
                {
                    entropy -= p * Math.Log(p);
                }
            }

            rate += _stationaryStates[state] * entropy;
        }

        return rate;
    }
}
