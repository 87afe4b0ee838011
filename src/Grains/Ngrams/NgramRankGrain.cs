using Microsoft.Extensions.Logging;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Ngrams;

/// <summary>
/// Computes one request's n-gram rank estimate on a thread-pool thread, then stores it on its own turn; a stored estimate, or
/// error, is final. A computation cut short by deactivation starts again on the next activation.
/// </summary>
public sealed class NgramRankGrain(
    [PersistentState("ngram")] IPersistentState<NgramRankState> state,
    CorpusCatalog corpora,
    ILogger<NgramRankGrain> logger) : Grain, INgramRankGrain
{
    private CancellationTokenSource? stop;
    private Task? work;

    /// <summary>Records the request on first call and makes sure the estimate is under way or stored; returns at once.</summary>
    public async Task StartAsync(NgramRankRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = NgramRankRequest.KeyOf(request);
        if (key != this.GetPrimaryKeyString())
            throw new ArgumentException($"this grain holds the estimate keyed '{this.GetPrimaryKeyString()}'; the request's key is '{key}' (NgramRankRequest.KeyOf).");
        if (request.Order < 2) throw new ArgumentException($"order must be at least 2, but was {request.Order}.");
        if (request.MinCount < 1) throw new ArgumentException($"min_count must be at least 1, but was {request.MinCount}.");
        if (state.State.Request is null)
        {
            state.State.Request = request;
            await state.WriteStateAsync();
        }
        EnsureComputing();
    }

    /// <summary>The stored estimate; null until it is computed.</summary>
    public Task<NgramRankEstimate?> GetAsync() => Task.FromResult(state.State.Estimate);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        EnsureComputing();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        stop?.Cancel();
        if (work is not null) await work;
    }

    private void EnsureComputing()
    {
        if (state.State is not { Request: { } request, Estimate: null } || work is { IsCompleted: false }) return;
        stop = new CancellationTokenSource();
        work = ComputeAsync(request, stop.Token);
    }

    private async Task ComputeAsync(NgramRankRequest request, CancellationToken cancellation)
    {
        // An estimate of a large corpus outlasts the idle-collection age; nobody needs to call in while it runs.
        DelayDeactivation(TimeSpan.FromHours(2));
        var source = request.Corpus.Kind;
        NgramRankEstimate estimate;
        try
        {
            source = corpora.Describe(request.Corpus).Description;
            estimate = await DedicatedThread.Run(
                () => NgramRankComputation.Run(corpora.Get(request.Corpus).Train, source, request.Order, request.MinCount, cancellation: cancellation),
                cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "n-gram rank estimate {Key} failed", this.GetPrimaryKeyString());
            estimate = new NgramRankEstimate { Source = source, Order = request.Order, MinCount = request.MinCount, Error = e.Message };
        }
        state.State.Estimate = estimate;
        await state.WriteStateAsync();
    }
}
