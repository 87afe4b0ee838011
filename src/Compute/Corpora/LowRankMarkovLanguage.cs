namespace OrleansSweep.Compute.Corpora;

/// <summary>
/// A bigram language whose V×V probability matrix has rank R (SCIENCE.md §10): token w belongs to state w mod R, and
/// P(w | prev) = T[s(prev), s(w)] · e[w], with T's rows softmax(β·g), g standard Gaussian, and e Dirichlet(α_E) within each group.
/// Its exact entropy rate is the loss no model can beat, which makes it an oracle for the softmax bottleneck.
/// </summary>
public sealed class LowRankMarkovLanguage
{
    private readonly HiddenChain _chain;

    private LowRankMarkovLanguage(LowRankMarkovParameters parameters, HiddenChain chain)
    {
        Parameters = parameters;
        _chain = chain;
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
                distribution[token] = _chain.StationaryStates[StateOf(token)] * Emission(token);
            }

            return distribution;
        }
    }

    /// <summary>Draws the language for <paramref name="parameters"/>; the same parameters always give the same language.</summary>
    public static LowRankMarkovLanguage Create(LowRankMarkovParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);

        // State s emits its group, the tokens s + j·R.
        return new LowRankMarkovLanguage(parameters, HiddenChain.Draw(parameters, state => GroupSize(parameters, state)));
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
        _chain.Transition[StateOf(previous) * Rank + StateOf(next)] * Emission(next);

    /// <summary>
    /// A sample of <paramref name="length"/> tokens: the first from the stationary distribution, so the stream is stationary
    /// from its start, then the chain. The same seed always gives the same sample.
    /// </summary>
    /// <remarks>The next token depends on the previous one only through its state, so the chain runs on states.</remarks>
    public int[] Sample(int length, int seed) => _chain.Sample(length, seed, (state, j) => state + Rank * j);

    private static int GroupSize(LowRankMarkovParameters parameters, int state) =>
        (parameters.VocabularySize - state + parameters.Rank - 1) / parameters.Rank;

    // e[w], summing to 1 within each group: output j of the token's state.
    private double Emission(int token) => _chain.Emissions[token % Rank][token / Rank];

    private double ComputeEntropyRate()
    {
        // P(·|prev) depends on prev only through its state, so the sum over V previous tokens folds into R states.
        var rate = 0.0;
        for (var state = 0; state < Rank; state++)
        {
            var entropy = 0.0;
            for (var token = 0; token < VocabularySize; token++)
            {
                var p = _chain.Transition[state * Rank + token % Rank] * Emission(token);
                if (p > 0.0)
                {
                    entropy -= p * Math.Log(p);
                }
            }

            rate += _chain.StationaryStates[state] * entropy;
        }

        return rate;
    }
}
