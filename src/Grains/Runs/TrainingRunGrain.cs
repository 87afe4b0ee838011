using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansSweep.Compute.Devices;
using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Grains.Placement;

namespace OrleansSweep.Grains.Runs;

/// <summary>
/// Owns one configuration's training loop. Training runs on a dedicated thread and hands its events through a channel;
/// this grain applies them on its own turns (<see cref="RunProgress"/>), persists at each checkpoint and reports to the
/// sweep's coordinator. While the run is unfinished a durable reminder wakes the grain, so a run whose silo died trains
/// again on another with no driver. Runs are spread over the silos in turn (<see cref="SpreadPlacement"/>).
/// </summary>
[SpreadPlacement]
public sealed class TrainingRunGrain(
    [PersistentState("run")] IPersistentState<TrainingRunState> state,
    CorpusCatalog corpora,
    IOptions<ComputeOptions> compute,
    IOptions<FailoverOptions> failover,
    ILocalSiloDetails silo,
    ILogger<TrainingRunGrain> logger) : Grain, ITrainingRunGrain, IRemindable
{
    private const int MaxEventsPerTurn = 10_000; // a turn that catches up still lets calls in between
    private CancellationTokenSource? stop;
    private Task? loop;
    private IGrainTimer? retry;

    private RunProgress Progress => new(state.State); // made anew: reading the stored state replaces state.State
    private RunCheckpointDirectory Checkpoints => field ??= new(compute.Value.CheckpointDirectory, this.GetPrimaryKeyString(), logger);
    private ProbeFanOut Probes => field ??= new(GrainFactory, logger);
    private DurableReminder Reminder => field ??= new(this, "keep-training", failover.Value.ReminderPeriod, logger);

    /// <summary>Records the spec on first call, then makes sure training is under way; returns at once.</summary>
    public async Task<RunSummary> StartAsync(RunSpec spec)
    {
        // Starting to train stores the state, spec included: one write where there were two.
        var recorded = Progress.Start(spec);
        if (!await EnsureTrainingAsync() && recorded) await state.WriteStateAsync();
        return state.State.Summary!;
    }

    /// <summary>Stops the loop, which checkpoints the step it reached; the run stays Paused until started again.</summary>
    public Task<RunSummary> PauseAsync() => StopAsync(RunState.Paused);

    /// <summary>Stops the loop for good.</summary>
    public Task<RunSummary> CancelAsync() => StopAsync(RunState.Cancelled);

    /// <summary>Stops the loop for good at an early-termination rung.</summary>
    public Task<RunSummary> StopEarlyAsync(int rungStep) => StopAsync(RunState.Stopped, rungStep);

    /// <summary>A failed or stopped run trains again from its newest verified checkpoint, its failure budget fresh.</summary>
    public async Task<RunSummary> RetryAsync()
    {
        if (state.State.Summary is null) throw new ArgumentException($"run {this.GetPrimaryKeyString()} does not exist.");
        if (Progress.Retry()) await state.WriteStateAsync();
        await EnsureTrainingAsync();
        return state.State.Summary;
    }

    /// <summary>One metric's value at a step.</summary>
    public Task<double?> GetValueAtAsync(string metric, int step) => Task.FromResult(Progress.ValueAt(metric, step));

    /// <summary>The run's latest summary, or null before it was started.</summary>
    public Task<RunSummary?> GetSummaryAsync() => Task.FromResult(state.State.Summary);

    /// <summary>One metric's values, steps ascending.</summary>
    public Task<MetricSeries> GetSeriesAsync(string metric) => Task.FromResult(Progress.Series(metric));

    /// <summary>Queues every stored checkpoint of this run for <paramref name="kinds"/> again, replacing earlier values.</summary>
    public async Task<int> ReprobeAsync(IReadOnlyList<string> kinds)
    {
        var summary = state.State.Summary ?? throw new ArgumentException($"run {this.GetPrimaryKeyString()} does not exist.");
        ProbeSpecs.ValidateKinds(kinds);
        var stored = Checkpoints.Stored(state.State.CheckpointStep);
        await Probes.EnqueueAsync(summary.Spec, kinds, stored, replace: true);
        return stored.Count;
    }

    /// <summary>The durable wake-up: trains again if this activation is new (its silo died or the cluster restarted).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Summary is { State: RunState.Running }) await EnsureTrainingAsync();
        else await Reminder.ForgetAsync();
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Progress.RenameLegacySeries();
        // Probe checkpoints whose queueing a crash may have cut short; probe grains ignore steps they already hold.
        if (state.State.Summary is { Spec: var spec }) await Probes.EnqueueProbeStepsAsync(spec, Checkpoints.Stored(state.State.CheckpointStep));
        await EnsureTrainingAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        stop?.Cancel();
        if (loop is not null) await loop;
    }

    // Starts training unless it is under way or the run is not Running; true when it did, which stored the state.
    private async Task<bool> EnsureTrainingAsync()
    {
        if (loop is { IsCompleted: false } || state.State.Summary is not { State: RunState.Running, Spec: var spec }) return false;
        retry?.Dispose();
        Checkpoints.RemoveTorn();
        var resumeFrom = Checkpoints.NewestVerified(state.State.CheckpointStep);
        Progress.Resume(resumeFrom, silo.SiloAddress.ToParsableString(), DateTime.UtcNow);
        stop = new CancellationTokenSource();
        var device = ComputeDevice.Select(compute.Value.Device);
        // The thread builds the model and trains while the reminder and the state are stored (a reminder insert costs tens of
        // milliseconds in LiteDB); its events wait in the channel until the pump starts below, so nothing is applied or stored
        // before this state is. Whether this call returns with both stored is as before: a silo that dies before that leaves
        // the run to whoever started it (the coordinator, which has not heard back).
        var (events, work) = RunTraining.Start(spec, corpora, device, Checkpoints.Path, resumeFrom?.Path, logger, stop.Token);
        try
        {
            // Kept until the run ends: a silo that dies from here on leaves the reminder behind.
            await Reminder.KeepAsync();
            await state.WriteStateAsync();
        }
        catch
        {
            // No pump will read the thread's events: stop it, and let it end before anything may start another in its directory.
            stop.Cancel();
            await work.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        loop = PumpAsync(events, work);
        return true;
    }

    private async Task<RunSummary> StopAsync(RunState end, int? rungStep = null)
    {
        if (state.State.Summary is null) throw new ArgumentException($"run {this.GetPrimaryKeyString()} does not exist.");
        if (!Progress.Stop(end, rungStep)) return state.State.Summary;
        stop?.Cancel();
        retry?.Dispose();
        if (loop is not null) await loop;
        await state.WriteStateAsync();
        await Reminder.ForgetAsync();
        return state.State.Summary;
    }

    private async Task PumpAsync(ChannelReader<TrainingEvent> events, Task work)
    {
        try
        {
            // Everything the training thread queued is applied at once, then stored once: a grain that falls behind (tiny
            // runs checkpoint many times a second) catches up instead of writing its state once per checkpoint it missed,
            // and the state it stores vouches for the newest checkpoint it has heard of: a crash redoes little more than
            // checkpoint_every steps.
            while (await events.WaitToReadAsync())
            {
                var batch = new List<TrainingEvent>();
                while (batch.Count < MaxEventsPerTurn && events.TryRead(out var e)) batch.Add(e);
                var checkpoints = Progress.Apply(batch);
                DelayDeactivation(TimeSpan.FromMinutes(30));
                if (checkpoints.Count > 0)
                {
                    await state.WriteStateAsync();
                    var spec = state.State.Summary!.Spec;
                    Checkpoints.RemoveExpired(state.State.CheckpointStep, spec.KeepCheckpoints, RunSpecMapping.ToProbeSteps(spec));
                    await Probes.EnqueueProbeStepsAsync(spec, checkpoints);
                }
                if (batch.Any(e => e.Eval is not null || e.Checkpoint is not null)) await ReportAsync();
            }
            await EndAsync(null);
        }
        catch (OperationCanceledException) when (stop!.IsCancellationRequested)
        {
            // Paused, cancelled or deactivating: a Running run resumes from its checkpoint on its next activation.
        }
        catch (Exception e) when (e is TrainingDivergedException or TrainingFailedException)
        {
            await EndAsync(e);
        }
        catch (Exception e)
        {
            // The grain's own storage or cluster calls failed, not the training: like a lost silo, this costs no failure. Stop,
            // and let the next activation (the reminder's) resume from the last checkpoint the state vouches for.
            logger.LogWarning(e, "Run {Run} stops on an infrastructure error; it resumes from its last checkpoint", this.GetPrimaryKeyString());
            stop!.Cancel();
            DeactivateOnIdle();
        }
        await work;
    }

    // Training stopped by itself: store what that did to the run and tell the coordinator. A run that has ended needs its
    // reminder no more; one that retries after a backoff keeps it, in case its silo dies before the retry.
    private async Task EndAsync(Exception? error)
    {
        var backoff = Progress.End(error);
        if (error is TrainingFailedException failed)
        {
            var summary = state.State.Summary!;
            logger.LogError(failed.InnerException, "Run {Run} failed ({Failures} of {Max})", summary.Spec.RunId, summary.Failures, summary.Spec.MaxFailures);
        }
        await state.WriteStateAsync();
        await ReportAsync();
        // After the report, which lets the coordinator start the next run: removing a reminder costs tens of milliseconds in
        // LiteDB. A silo that dies in between leaves the reminder, whose next tick finds the run ended and removes it.
        if (backoff is null) await Reminder.ForgetAsync();
        if (backoff is { } wait) retry = this.RegisterGrainTimer(() => EnsureTrainingAsync(), new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
    }

    private Task ReportAsync() => new CoordinatorReporter(GrainFactory, logger).ReportAsync(state.State.Summary!);
}
