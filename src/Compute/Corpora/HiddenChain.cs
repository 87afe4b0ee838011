namespace OrleansSweep.Compute.Corpora;

/// <summary>
/// The hidden chain the known-answer languages run on: R states with transitions T and, for each state, emission weights
/// over that state's outputs. The languages differ only in how many outputs a state has and which token an output is.
/// </summary>
internal sealed class HiddenChain
{
    private readonly AliasTable _initialState;
    private readonly AliasTable[] _nextState;
    private readonly AliasTable[] _emitted;

    /// <summary>A chain with the given row-major R×R transitions and, per state, emission weights; every row must sum to 1.</summary>
    public HiddenChain(double[] transition, double[][] emissions)
    {
        Rank = emissions.Length;
        ArgumentOutOfRangeException.ThrowIfNotEqual(transition.Length, Rank * Rank);
        Transition = transition;
        Emissions = emissions;
        StationaryStates = StationaryDistribution.Of(transition, Rank);
        _initialState = AliasTable.Build(StationaryStates);
        _nextState = new AliasTable[Rank];
        _emitted = new AliasTable[Rank];
        for (var state = 0; state < Rank; state++)
        {
            _nextState[state] = AliasTable.Build(transition.AsSpan(state * Rank, Rank));
            _emitted[state] = AliasTable.Build(emissions[state]);
        }
    }

    /// <summary>R, the number of hidden states.</summary>
    public int Rank { get; }

    /// <summary>T, row-major R×R: Transition[a * R + b] = P(next state b | state a).</summary>
    public double[] Transition { get; }

    /// <summary>Emissions[s][j] = P(output j | state s).</summary>
    public double[][] Emissions { get; }

    /// <summary>π_T, the stationary distribution of the states.</summary>
    public double[] StationaryStates { get; }

    /// <summary>
    /// Draws the chain <paramref name="parameters"/> define, state <c>s</c> emitting over <paramref name="outputsOf"/>(s)
    /// outputs. Draw order is part of each language's definition: T row by row, then the emissions state by state, all from
    /// one generator seeded with <see cref="HiddenChainParameters.Seed"/>.
    /// </summary>
    public static HiddenChain Draw(HiddenChainParameters parameters, Func<int, int> outputsOf)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        var random = new System.Random(parameters.Seed);
        var transition = TransitionMatrix.Draw(random, parameters.Rank, parameters.Beta);
        var emissions = new double[parameters.Rank][];
        for (var state = 0; state < parameters.Rank; state++)
        {
            emissions[state] = RandomVariates.SymmetricDirichlet(random, parameters.EmissionConcentration, outputsOf(state));
        }

        return new HiddenChain(transition, emissions);
    }

    /// <summary>
    /// A sample of <paramref name="length"/> tokens whose first state is drawn from the stationary distribution, so the stream
    /// is stationary from its start; output j of state s is the token <paramref name="tokenOf"/>(s, j). The same seed always
    /// gives the same sample.
    /// </summary>
    public int[] Sample(int length, int seed, Func<int, int, int> tokenOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var tokens = new int[length];
        if (length == 0)
        {
            return tokens;
        }

        var random = new System.Random(seed);
        var state = _initialState.Draw(random.NextDouble());
        tokens[0] = tokenOf(state, _emitted[state].Draw(random.NextDouble()));
        for (var t = 1; t < length; t++)
        {
            state = _nextState[state].Draw(random.NextDouble());
            tokens[t] = tokenOf(state, _emitted[state].Draw(random.NextDouble()));
        }

        return tokens;
    }
}
