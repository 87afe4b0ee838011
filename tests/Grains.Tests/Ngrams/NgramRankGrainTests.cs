using OrleansSweep.Grains.Tests.Sweeps;

namespace OrleansSweep.Grains.Tests.Ngrams;

[Collection(SweepClusterCollection.Name)]
public sealed class NgramRankGrainTests(SweepClusterFixture fixture)
{
    private const int TestTimeoutMs = 120_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // R = 8 with a well-conditioned transition matrix (β = 2, seed 2): its weakest direction is detectable in 500k tokens.
    private static readonly NgramRankRequest LowRank = new()
    {
        Corpus = new CorpusSpec { Vocabulary = 64, Rank = 8, Beta = 2.0, Seed = 2, TrainTokens = 500_000, HeldOutTokens = 1024 },
        Order = 2,
        MinCount = 2,
    };

    [Fact(Timeout = TestTimeoutMs)]
    public async Task TheEstimateOfALowRankCorpusFindsItsRankAndIsComputedOnlyOnce()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var grain = fixture.Client.GetGrain<INgramRankGrain>(NgramRankRequest.KeyOf(LowRank));

        await grain.StartAsync(LowRank);
        var estimate = await Eventually.UntilAsync(grain.GetAsync, e => e is not null, Patience, cancellation);
        await grain.StartAsync(LowRank with { });
        var again = await grain.GetAsync();

        Assert.Null(estimate!.Error);
        Assert.Equal(8, estimate.NoiseAwareRank);
        Assert.Equal(500_000, estimate.Tokens);
        Assert.Equal("exact", estimate.Route);
        Assert.Equal(estimate.Contexts, estimate.EffectiveVocabulary);
        Assert.True(estimate.Ranks.Single(r => r.Tolerance == 0.01).Rank > 16);
        Assert.Contains("R=8", estimate.Source);
        // Stored, not recomputed: a recomputation would take its own time.
        Assert.Equal(estimate.Seconds, again!.Seconds);
        Assert.Equal(estimate.Singular, again.Singular);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task AnEstimateThatCannotBeComputedIsStoredAsItsErrorMessage()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var folder = new TemporaryDirectory();
        var missing = folder.PathOf("no-such-corpus");
        var request = new NgramRankRequest { Corpus = new CorpusSpec { Kind = "text", Path = missing }, Order = 2 };
        var grain = fixture.Client.GetGrain<INgramRankGrain>(NgramRankRequest.KeyOf(request));

        await grain.StartAsync(request);
        var estimate = await Eventually.UntilAsync(grain.GetAsync, e => e is not null, Patience, cancellation);

        Assert.Contains(missing, estimate!.Error);
        Assert.Null(estimate.NoiseAwareRank);
        Assert.Empty(estimate.Singular);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task ARequestUnderAnotherKeyOrWithOrderBelowTwoIsRefused()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var grain = fixture.Client.GetGrain<INgramRankGrain>("not-the-key");
        var wrongKey = await Assert.ThrowsAnyAsync<ArgumentException>(() => grain.StartAsync(LowRank).WaitAsync(cancellation));
        Assert.Contains(NgramRankRequest.KeyOf(LowRank), wrongKey.Message);

        var orderOne = LowRank with { Order = 1 };
        var badOrder = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => fixture.Client.GetGrain<INgramRankGrain>(NgramRankRequest.KeyOf(orderOne)).StartAsync(orderOne).WaitAsync(cancellation));
        Assert.Contains("order", badOrder.Message);
        Assert.Null(await fixture.Client.GetGrain<INgramRankGrain>(NgramRankRequest.KeyOf(orderOne)).GetAsync());
    }

    [Fact]
    public void EqualRequestsShareAKeyAndAnyChangedFieldChangesIt()
    {
        var key = NgramRankRequest.KeyOf(LowRank);

        Assert.Equal(key, NgramRankRequest.KeyOf(LowRank with { Corpus = LowRank.Corpus with { } }));
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.NotEqual(key, NgramRankRequest.KeyOf(LowRank with { Order = 3 }));
        Assert.NotEqual(key, NgramRankRequest.KeyOf(LowRank with { MinCount = 1 }));
        Assert.NotEqual(key, NgramRankRequest.KeyOf(LowRank with { Corpus = LowRank.Corpus with { Tokenizer = "gpt2" } }));
    }
}
