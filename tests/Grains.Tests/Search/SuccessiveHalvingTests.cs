using OrleansSweep.Grains.Search;

namespace OrleansSweep.Grains.Tests.Search;

public sealed class SuccessiveHalvingTests
{
    private static readonly EarlyTerminateSpec Eta3 = new() { MinIter = 100, Eta = 3 };

    [Fact]
    public void EachBracketStartsItsRungsOneFactorOfEtaLaterAndStopsBelowTheLastStep()
    {
        var halving = new SuccessiveHalving(Eta3 with { S = 3 }, minimize: true);

        Assert.Equal([100, 300, 900], halving.Rungs(0, 2700));
        Assert.Equal([300, 900], halving.Rungs(1, 2700));
        Assert.Equal([900], halving.Rungs(2, 2700));
        Assert.Equal([100, 300, 900, 2700], halving.Rungs(0, 2701));
        Assert.Empty(halving.Rungs(2, 900));
        Assert.Equal([0, 1, 2, 0, 1], Enumerable.Range(0, 5).Select(i => SuccessiveHalving.BracketOf(i, 3)));
        Assert.Equal([0, 0, 0], Enumerable.Range(7, 3).Select(i => SuccessiveHalving.BracketOf(i, 1)));
    }

    [Theory]
    [InlineData("asha", 100, 3, 1, 100, 1000, "early_terminate.type must be hyperband, got 'asha'.")]
    [InlineData("hyperband", 0, 3, 1, 100, 1000, "early_terminate.min_iter must be at least 1, got 0.")]
    [InlineData("hyperband", 100, 1, 1, 100, 1000, "early_terminate.eta must be at least 2, got 1.")]
    [InlineData("hyperband", 100, 3, 0, 100, 1000, "early_terminate.s must be at least 1, got 0.")]
    [InlineData("hyperband", 1000, 3, 1, 100, 1000,
        "early_terminate.min_iter: the first rung (1000) is not below training.steps (1000), so no run could ever be stopped.")]
    [InlineData("hyperband", 150, 3, 2, 100, 1000,
        "early_terminate.min_iter (150) must be a multiple of training.eval_every (100), so that every rung min_iter · eta^k falls on an eval step.")]
    [InlineData("hyperband", 100, 3, 1, 0, 1000, "training.eval_every must be at least 1, got 0.")]
    public void EachBadSpecGetsOneSentenceNamingItsField(string type, int minIter, int eta, int s, int evalEvery, int steps, string expected)
    {
        var spec = new EarlyTerminateSpec { Type = type, MinIter = minIter, Eta = eta, S = s };

        Assert.Equal(expected, SuccessiveHalving.Problem(spec, evalEvery, steps));
    }

    [Fact]
    public void RungsOnEvalStepsBelowTheLastStepAreAccepted()
    {
        // Bracket 2's only rung (900) lies below 1000; bracket 3 would have none, which leaves its runs unstopped, as in W&B.
        Assert.Null(SuccessiveHalving.Problem(Eta3 with { S = 4 }, evalEvery: 50, steps: 1000));
        Assert.Null(SuccessiveHalving.Problem(Eta3, evalEvery: 100, steps: 101));
        var error = Assert.Throws<ArgumentException>(() => new SuccessiveHalving(Eta3 with { Eta = 1 }, minimize: true));
        Assert.Equal("early_terminate.eta must be at least 2, got 1.", error.Message);
    }

    [Fact]
    public void TheFirstRunToReachARungGoesOnHoweverBadItsMetric()
    {
        var halving = new SuccessiveHalving(Eta3 with { S = 2 }, minimize: true);

        Assert.True(halving.Continues(0, 100, 1e9));
        // Another bracket, and another rung of the same bracket, are rungs of their own.
        Assert.True(halving.Continues(1, 300, 1e9));
        Assert.True(halving.Continues(0, 300, 1e9));
        Assert.False(halving.Continues(0, 100, 2e9));
    }

    [Fact]
    public void OfNineMinimizingRunsTheFourAmongTheBestThirdOnArrivalGoOn()
    {
        // Arrival order and, with n arrived, how many are strictly better against the ceil(n/3) that may go on:
        //   5: 0 < 1 on · 3: 0 < 1 on · 8: 2 ≥ 1 stop · 1: 0 < 2 on · 9: 4 ≥ 2 stop · 4: 2 (3, 1) ≥ 2 stop
        //   2: 1 < 3 on · 7: 5 ≥ 3 stop · 6: 5 ≥ 3 stop
        Assert.Equal([true, true, false, true, false, false, true, false, false], Decide(minimize: true, 5, 3, 8, 1, 9, 4, 2, 7, 6));
    }

    [Fact]
    public void MaximizingTurnsTheOrderAround()
    {
        // 5: on · 3: 1 (5) ≥ 1 stop · 8: 0 on · 1: 3 ≥ 2 stop · 9: 0 on · 4: 3 (5, 8, 9) ≥ 2 stop
        // 2: 5 ≥ 3 stop · 7: 2 (8, 9) < 3 on · 6: 3 (8, 9, 7) ≥ 3 stop
        Assert.Equal([true, false, true, false, true, false, false, true, false], Decide(minimize: false, 5, 3, 8, 1, 9, 4, 2, 7, 6));
    }

    [Fact]
    public void TiesGoOn()
    {
        // The third 2 has none strictly better, so it is among the best ceil(3/3) = 1; a 3 after them has three.
        Assert.Equal([true, true, true, false], Decide(minimize: true, 2, 2, 2, 3));
    }

    [Fact]
    public void ANonFiniteMetricStopsTheRunAndIsNoStandardForTheOthers()
    {
        var halving = new SuccessiveHalving(Eta3, minimize: true);
        Assert.False(halving.Continues(0, 100, double.NaN));
        Assert.False(halving.Continues(0, 100, double.NegativeInfinity));
        Assert.True(halving.Continues(0, 100, 1));
        Assert.False(halving.Continues(0, 100, 2));
        Assert.False(halving.Continues(0, 100, double.PositiveInfinity));
        halving.Record(0, 100, double.NaN);
        // Had the four non-finite values counted, n = 7 would let ceil(7/3) = 3 go on; with n = 3, only the best one does.
        Assert.False(halving.Continues(0, 100, 1.5));
        Assert.False(new SuccessiveHalving(Eta3, minimize: false).Continues(0, 100, double.PositiveInfinity));
    }

    [Fact]
    public void AStepOffTheBracketsRungsIsRefused()
    {
        var halving = new SuccessiveHalving(Eta3 with { S = 2 }, minimize: true);

        Assert.Throws<ArgumentOutOfRangeException>(() => halving.Continues(0, 200, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => halving.Continues(1, 100, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => halving.Record(2, 300, 1));
    }

    [Fact]
    public void RecordingInAnyOrderThenDecidingMatchesDecidingEveryRunInTurn()
    {
        var random = new Random(7);
        // Whole numbers, so that candidates tie with recorded values.
        var values = Enumerable.Range(0, 200).Select(_ => (double)random.Next(100)).ToArray();
        var shuffled = values.OrderBy(_ => random.Next()).ToArray();
        var outcomes = new HashSet<bool>();
        foreach (var candidate in Enumerable.Range(-1, 102).Select(v => (double)v).Concat([33.5]))
        {
            var replayed = new SuccessiveHalving(Eta3, minimize: false);
            foreach (var value in values) replayed.Continues(0, 300, value);
            var rebuilt = new SuccessiveHalving(Eta3, minimize: false);
            foreach (var value in shuffled) rebuilt.Record(0, 300, value);

            var decision = rebuilt.Continues(0, 300, candidate);
            Assert.Equal(replayed.Continues(0, 300, candidate), decision);
            outcomes.Add(decision);
        }
        Assert.Equal(2, outcomes.Count);
    }

    [Fact]
    public void StandingsCountTheStrictlyLowerValuesAcrossManyBlocks()
    {
        var random = new Random(3);
        var standings = new RungStandings();
        var added = new List<double>();
        // Enough values for a few block splits, with ties, every third one recorded without counting.
        foreach (var (value, i) in Enumerable.Range(0, 5000).Select(i => ((double)random.Next(700), i)))
        {
            if (i % 3 == 0) standings.Record(value);
            else Assert.Equal(added.Count(v => v < value), standings.Add(value));
            added.Add(value);
        }
        Assert.Equal(5000, standings.Count);
    }

    // Rungs 100, 300, 900 (2700 is the last step), nine slots. Each run's final loss is 1 + rank/100 (ranks a seeded permutation)
    // and its curve final + 3/√step, so every rung ranks the runs as their final losses do. Synchronous halving would stop
    // two thirds at each rung (81 → 27 → 9 → 3 finish). Asynchronously the first rung comes close, but the runs reach a later
    // rung in improving order (the early ones passed the lower rungs against few rivals), so fewer stop there.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ASimulatedSweepOf81RunsFinishesTheBestThreeAndStopsAboutTwoThirdsAtTheFirstRung(int seed)
    {
        var sweep = SimulatedSweep.Run(runs: 81, slots: 9, steps: 2700, Eta3, seed);
        TestContext.Current.TestOutputHelper?.WriteLine(sweep.ToString());

        Assert.Equal([100, 300, 900], sweep.Rungs);
        Assert.Equal(81, sweep.Finished.Count + sweep.StoppedAt.Values.Sum());
        Assert.Superset(new HashSet<int>([0, 1, 2]), sweep.Finished.Select(r => sweep.FinalRank[r]).ToHashSet());
        Assert.InRange(sweep.StoppedFraction(100), 0.55, 0.75);
        Assert.InRange(sweep.StoppedFraction(300), 0.35, 0.75);
        Assert.InRange(sweep.StoppedFraction(900), 0.2, 0.75);
        Assert.InRange(sweep.Finished.Count, 3, 27);
    }

    [Fact]
    public void ASimulatedSweepOf729RunsStopsAboutTwoThirdsAtTheFirstTwoRungsAndFinishesTheBestNine()
    {
        var sweep = SimulatedSweep.Run(runs: 729, slots: 9, steps: 2700, Eta3, seed: 1);
        TestContext.Current.TestOutputHelper?.WriteLine(sweep.ToString());

        Assert.Superset(Enumerable.Range(0, 9).ToHashSet(), sweep.Finished.Select(r => sweep.FinalRank[r]).ToHashSet());
        Assert.InRange(sweep.StoppedFraction(100), 0.6, 0.72);
        Assert.InRange(sweep.StoppedFraction(300), 0.55, 0.75);
        Assert.InRange(sweep.StoppedFraction(900), 0.35, 0.75);
    }

    private static bool[] Decide(bool minimize, params double[] metrics)
    {
        var halving = new SuccessiveHalving(Eta3, minimize);
        return [.. metrics.Select(m => halving.Continues(0, 100, m))];
    }
}
