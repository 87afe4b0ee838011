using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansSweep.Compute.Devices;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Probes;

/// <summary>
/// One probe kind of one run (key "run/kind"). Checkpoints queue in persisted state and are measured one at a time on a
/// dedicated thread; each result is persisted before the next starts, so a restart loses at most the one in progress, and
/// while any wait a durable reminder wakes the grain, so a queue on a silo that died is measured elsewhere with no caller.
/// </summary>
public sealed class ProbeGrain(
    [PersistentState("probe")] IPersistentState<ProbeState> state,
    CorpusCatalog corpora,
    IOptions<ComputeOptions> compute,
    IOptions<FailoverOptions> failover,
    ILogger<ProbeGrain> logger) : Grain, IProbeGrain, IRemindable
{
    private readonly CancellationTokenSource stop = new();
    private Task? loop;

    private DurableReminder Reminder => field ??= new(this, "keep-probing", failover.Value.ReminderPeriod, logger);
    private string Kind => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('/') + 1)..];

    /// <summary>Queues the checkpoint unless its step is already probed or queued (and not to be replaced).</summary>
    public async Task EnqueueAsync(ProbeRequest request)
    {
        if (!request.Replace && (state.State.Points.ContainsKey(request.Step) || state.State.Pending.ContainsKey(request.Step))) return;
        state.State.Run = request.Run;
        state.State.Pending[request.Step] = request;
        await state.WriteStateAsync();
        await Reminder.KeepAsync();
        EnsureProbing();
    }

    /// <summary>The durable wake-up: measures what waits, or ends the reminder once nothing does.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Pending.Count > 0) EnsureProbing();
        else await Reminder.ForgetAsync();
    }

    /// <summary>Every measurement so far, and how many checkpoints wait.</summary>
    public Task<ProbeSeries> GetSeriesAsync() => Task.FromResult(new ProbeSeries
    {
        RunId = state.State.Run?.RunId ?? this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('/')],
        Kind = Kind,
        Points = state.State.Points.Values.ToList(),
        Pending = state.State.Pending.Count,
        Errors = new Dictionary<int, string>(state.State.Errors),
    });

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        EnsureProbing();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        stop.Cancel();
        if (loop is not null) await loop;
    }

    private void EnsureProbing()
    {
        if (loop is { IsCompleted: false } || state.State.Pending.Count == 0) return;
        loop = ProbeLoopAsync();
    }

    private async Task ProbeLoopAsync()
    {
        var device = ComputeDevice.Select(compute.Value.Device);
        while (state.State.Pending.Count > 0 && !stop.IsCancellationRequested)
        {
            var request = state.State.Pending.First().Value;
            DelayDeactivation(TimeSpan.FromMinutes(10));
            try
            {
                var kind = Kind;
                var point = await DedicatedThread.Run(() => ProbeMeasurement.Measure(kind, request, corpora.Get(request.Run.Corpus), device), stop.Token);
                state.State.Points[request.Step] = point;
                state.State.Errors.Remove(request.Step);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return; // deactivating: the request stays queued for the next activation
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Probe {Probe} failed on step {Step}", this.GetPrimaryKeyString(), request.Step);
                state.State.Errors[request.Step] = e.Message;
            }
            // A request that replaced this one while it was measured stays queued.
            if (state.State.Pending.TryGetValue(request.Step, out var queued) && ReferenceEquals(queued, request))
                state.State.Pending.Remove(request.Step);
            await state.WriteStateAsync();
        }
    }
}
