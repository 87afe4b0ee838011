namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>The coordinator asks the n-gram rank grain for its corpus's estimate and shows it with the results (SCIENCE.md §9).</summary>
[Collection(SweepClusterCollection.Name)]
public sealed class SweepNgramRankTests(SweepClusterFixture fixture)
{
    private const int TestTimeoutMs = 120_000;
    private static readonly TimeSpan SweepPatience = TimeSpan.FromSeconds(90);

    // R = 4 with well-separated directions (β = 2): 2^17 training tokens put all four above the split-half noise floor.
    private static readonly CorpusSpec RankFour = TinySweeps.Corpus with { Beta = 2.0, Seed = 3, TrainTokens = 1 << 17 };

    [Fact(Timeout = TestTimeoutMs)]
    public async Task ASweepsResultsCarryTheNoiseAwareRankOfItsCorpusAndWaitForIt()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = TinySweeps.Create("ngram-rank-four", steps: 20, [new GridAxis("d_model", [2, 8])]) with
        {
            Corpus = RankFour,
            Analysis = new AnalysisSpec { NgramOrder = 2, NgramMinCount = 2 },
        };
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);

        await coordinator.LaunchAsync(spec);
        var results = await Eventually.UntilAsync(
            async () => (await coordinator.GetResultsAsync())!, r => r.IsFinished, SweepPatience, cancellation);

        var request = new NgramRankRequest { Corpus = RankFour, Order = 2, MinCount = 2 };
        var stored = await fixture.Client.GetGrain<INgramRankGrain>(NgramRankRequest.KeyOf(request)).GetAsync();
        Assert.False(results.NgramPending);
        Assert.NotNull(results.Ngram);
        Assert.Null(results.Ngram.Error);
        Assert.Equal(4, results.Ngram.NoiseAwareRank);
        Assert.Equal(RankFour.TrainTokens, results.Ngram.Tokens);
        // One estimate per (corpus, order, min count): the sweep shows the one the keyed grain stored.
        Assert.Equal(stored!.Singular, results.Ngram.Singular);
        Assert.Equal(stored.Seconds, results.Ngram.Seconds);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task OrderZeroAsksForNoEstimate()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var spec = TinySweeps.Create("ngram-none", steps: 20, [new GridAxis("d_model", [2])]) with
        {
            Analysis = new AnalysisSpec { NgramOrder = 0 },
        };
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>(spec.Name);

        await coordinator.LaunchAsync(spec);
        var results = await Eventually.UntilAsync(
            async () => (await coordinator.GetResultsAsync())!, r => r.IsFinished, SweepPatience, cancellation);

        Assert.Null(results.Ngram);
        Assert.False(results.NgramPending);
        Assert.Equal(RunState.Completed, results.Runs.Single().State);
    }
}
