using System.Threading.Channels;
using OrleansSweep.Grains.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansSweep.Compute.Devices;
using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Runs;

/// <summary>
/// Owns one configuration's training loop. Training runs on a dedicated thread and hands its events through a channel;
/// this grain applies them on its own turns, persists at each checkpoint and reports to the sweep's coordinator. While the
/// run is unfinished a durable reminder wakes the grain, so a run whose silo died trains again on another with no driver.
/// Runs are spread over the silos in turn (<see cref="SpreadPlacement"/>).
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
    private const string KeepTraining = "keep-training";
    private const int MaxEventsPerTurn = 10_000; // a turn that catches up still lets calls in between
    private CancellationTokenSource? stop;
    private Task? loop;
    private IGrainTimer? retry;

    /// <summary>Records the spec on first call, then makes sure training is under way; returns at once.</summary>
    public async Task<RunSummary> StartAsync(RunSpec spec)
    {
        if (state.State.Summary is null)
        {
            var config = RunSpecMapping.ToGptConfig(spec, CorpusCatalog.VocabularySize(spec.Corpus));
            state.State.Summary = new RunSummary
            {
                Spec = spec,
                State = RunState.Running,
                Parameters = config.TotalParameters,
                NonEmbeddingParameters = config.NonEmbeddingParameters,
            };
            await state.WriteStateAsync();
        }
        else if (state.State.Summary.State == RunState.Paused)
        {
            state.State.Summary = state.State.Summary with { State = RunState.Running };
            await state.WriteStateAsync();
        }
        await EnsureTrainingAsync();
        return state.State.Summary;
    }

    /// <summary>Stops the loop, which checkpoints the step it reached; the run stays Paused until started again.</summary>
    public Task<RunSummary> PauseAsync() => StopAsync(RunState.Paused);

    /// <summary>Stops the loop for good.</summary>
    public Task<RunSummary> CancelAsync() => StopAsync(RunState.Cancelled);

    /// <summary>The run's latest summary, or null before it was started.</summary>
    public Task<RunSummary?> GetSummaryAsync() => Task.FromResult(state.State.Summary);

    /// <summary>One metric's values, steps ascending.</summary>
    public Task<MetricSeries> GetSeriesAsync(string metric) =>
        Task.FromResult(state.State.Series.TryGetValue(metric, out var series)
            ? new MetricSeries(metric, series.Keys.ToList(), series.Values.ToList())
            : new MetricSeries(metric, [], []));

    /// <summary>Queues every stored checkpoint of this run for <paramref name="kinds"/> again, replacing earlier values.</summary>
    public async Task<int> ReprobeAsync(IReadOnlyList<string> kinds)
    {
        var summary = state.State.Summary ?? throw new ArgumentException($"run {this.GetPrimaryKeyString()} does not exist.");
        ProbeSpecs.ValidateKinds(kinds);
        var stored = StoredCheckpoints().ToList();
        foreach (var (step, path) in stored) await EnqueueProbesAsync(summary.Spec, kinds, step, path, replace: true);
        return stored.Count;
    }

    /// <summary>The durable wake-up: trains again if this activation is new (its silo died or the cluster restarted).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Summary is { State: RunState.Running }) await EnsureTrainingAsync();
        else await ForgetReminderAsync();
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Probe checkpoints whose queueing a crash may have cut short; probe grains ignore steps they already hold.
        if (state.State.Summary is { } summary)
        {
            var probeSteps = RunSpecMapping.ToProbeSteps(summary.Spec);
            foreach (var (step, path) in StoredCheckpoints().Where(c => probeSteps.Contains(c.Step)))
                await EnqueueProbesAsync(summary.Spec, summary.Spec.Probes.Kinds, step, path, replace: false);
        }
        await EnsureTrainingAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        stop?.Cancel();
        if (loop is not null) await loop;
    }

    private async Task EnsureTrainingAsync()
    {
        if (loop is { IsCompleted: false } || state.State.Summary is not { State: RunState.Running } summary) return;
        // Registered before training starts and kept until the run ends: a silo that dies from here on leaves the reminder behind.
        await this.RegisterOrUpdateReminder(KeepTraining, failover.Value.ReminderPeriod, failover.Value.ReminderPeriod);
        retry?.Dispose();
        var spec = summary.Spec;
        RemoveTornCheckpoints();
        var resumeFrom = ResumePoint();
        var here = silo.SiloAddress.ToParsableString();
        // A run that trained before (on this silo or another) and trains again now is a resume; record when, where and from which step.
        var resumes = summary.Silo is null ? summary.Resumes : [.. summary.Resumes, new RunResume(DateTime.UtcNow, here, state.State.CheckpointStep)];
        state.State.Summary = state.State.Summary with { Silo = here, Resumes = resumes, Step = state.State.CheckpointStep };
        await state.WriteStateAsync();
        stop = new CancellationTokenSource();
        var token = stop.Token;
        var channel = Channel.CreateUnbounded<TrainingEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var device = ComputeDevice.Select(compute.Value.Device);
        var directory = RunDirectory();
        var work = DedicatedThread.Run(() => RunTraining.Run(spec, () => corpora.Get(spec.Corpus), device, directory, resumeFrom, channel.Writer, logger, token));
        loop = PumpAsync(channel.Reader, work);
    }

    private async Task<RunSummary> StopAsync(RunState end)
    {
        if (state.State.Summary is not { } summary) throw new ArgumentException($"run {this.GetPrimaryKeyString()} does not exist.");
        if (summary.IsFinished || summary.State == end) return summary;
        state.State.Summary = summary with { State = end };
        stop?.Cancel();
        retry?.Dispose();
        if (loop is not null) await loop;
        await state.WriteStateAsync();
        await ForgetReminderAsync();
        return state.State.Summary;
    }

    private async Task ForgetReminderAsync()
    {
        try
        {
            if (await this.GetReminder(KeepTraining) is { } reminder) await this.UnregisterReminder(reminder);
        }
        catch (Exception e)
        {
            // The reminder service's silo may be the one that just died; the reminder's next tick finds the run ended and tries again.
            logger.LogWarning(e, "Run {Run} could not remove its reminder yet", this.GetPrimaryKeyString());
        }
    }

    // The newest stored checkpoint that verifies (SHA-256), newest first: a torn or corrupt file is logged and passed over, never
    // loaded. The series are cut back to its step; everything after it will be recomputed identically.
    private string? ResumePoint()
    {
        var good = StoredCheckpoints().OrderByDescending(c => c.Step).FirstOrDefault(c => Verifies(c.Path));
        if (good.Path is null)
        {
            if (state.State.CheckpointPath is { } lost) logger.LogWarning("No usable checkpoint up to {Checkpoint}; run restarts from step 0", lost);
            state.State.CheckpointPath = null;
            state.State.CheckpointStep = 0;
            state.State.Summary = state.State.Summary! with { CheckpointPath = null };
            state.State.Series.Clear();
            return null;
        }
        if (good.Step < state.State.CheckpointStep)
            logger.LogWarning("Run {Run} resumes from step {Step}, the newest checkpoint that verifies, instead of step {Newest}",
                this.GetPrimaryKeyString(), good.Step, state.State.CheckpointStep);
        state.State.CheckpointPath = good.Path;
        state.State.CheckpointStep = good.Step;
        state.State.Summary = state.State.Summary! with { CheckpointPath = good.Path };
        foreach (var series in state.State.Series.Values)
            foreach (var step in series.Keys.Where(s => s > good.Step).ToList()) series.Remove(step);
        return good.Path;
    }

    private bool Verifies(string path)
    {
        try
        {
            CheckpointFile.ReadHeader(path);
            return true;
        }
        catch (CorruptCheckpointException e)
        {
            logger.LogWarning("Checkpoint {Checkpoint} is not loaded: {Reason}", path, e.Message);
            return false;
        }
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
                var (checkpoints, report) = (new List<CheckpointInfo>(), false);
                for (var applied = 0; applied < MaxEventsPerTurn && events.TryRead(out var e); applied++)
                {
                    Apply(e);
                    if (e.Checkpoint is { } checkpoint) checkpoints.Add(checkpoint);
                    report |= e.Eval is not null || e.Checkpoint is not null;
                }
                DelayDeactivation(TimeSpan.FromMinutes(30));
                if (checkpoints.Count > 0)
                {
                    await state.WriteStateAsync();
                    RemoveExpiredCheckpoints();
                    var spec = state.State.Summary!.Spec;
                    var probeSteps = RunSpecMapping.ToProbeSteps(spec);
                    foreach (var checkpoint in checkpoints.Where(c => probeSteps.Contains(c.Step)))
                        await EnqueueProbesAsync(spec, spec.Probes.Kinds, checkpoint.Step, checkpoint.Path, replace: false);
                }
                if (report) await ReportAsync();
            }
            await FinishAsync(RunState.Completed, null);
        }
        catch (OperationCanceledException) when (stop!.IsCancellationRequested)
        {
            // Paused, cancelled or deactivating: a Running run resumes from its checkpoint on its next activation.
        }
        catch (TrainingDivergedException e)
        {
            state.State.Summary = state.State.Summary! with { Step = e.Step };
            await FinishAsync(RunState.Diverged, e.Message);
        }
        catch (TrainingFailedException e)
        {
            await FailAsync(e.InnerException!);
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

    // An application error costs one of max_failures; below it the run retries from its last checkpoint after a backoff.
    private async Task FailAsync(Exception e)
    {
        var summary = state.State.Summary!;
        var failures = summary.Failures + 1;
        logger.LogError(e, "Run {Run} failed ({Failures} of {Max})", summary.Spec.RunId, failures, summary.Spec.MaxFailures);
        if (failures >= summary.Spec.MaxFailures)
        {
            state.State.Summary = summary with { Failures = failures };
            await FinishAsync(RunState.Failed, e.Message);
            return;
        }
        state.State.Summary = summary with { Failures = failures, Error = e.Message };
        await state.WriteStateAsync();
        await ReportAsync();
        var backoff = TimeSpan.FromSeconds(Math.Min(60, 1 << failures));
        retry = this.RegisterGrainTimer(EnsureTrainingAsync, new GrainTimerCreationOptions(backoff, Timeout.InfiniteTimeSpan));
    }

    private void Apply(TrainingEvent e)
    {
        var summary = state.State.Summary!;
        if (e.Step is { } m)
        {
            Record(MetricNames.TrainLoss, m.Step, m.Loss);
            Record(MetricNames.LearningRate, m.Step, m.LearningRate);
            Record(MetricNames.GradientNorm, m.Step, m.GradientNorm);
            Record(MetricNames.TokensPerSecond, m.Step, m.TokensPerSecond);
            summary = summary with { Step = m.Step, TrainLoss = m.Loss, TokensPerSecond = m.TokensPerSecond };
        }
        if (e.Eval is { } eval)
        {
            Record(MetricNames.EvalLoss, eval.Step, eval.Loss);
            Record(MetricNames.EvalStandardError, eval.Step, eval.StandardError);
            var losses = state.State.Series[MetricNames.EvalLoss];
            var best = losses.MinBy(p => p.Value);
            summary = summary with
            {
                BestEvalLoss = best.Value,
                BestEvalStep = best.Key,
                FinalEvalLoss = eval.Loss,
                FinalEvalStandardError = eval.StandardError,
            };
        }
        if (e.Checkpoint is { } checkpoint)
        {
            state.State.CheckpointPath = checkpoint.Path;
            state.State.CheckpointStep = checkpoint.Step;
            summary = summary with { CheckpointPath = checkpoint.Path, Step = Math.Max(summary.Step, checkpoint.Step) };
        }
        state.State.Summary = summary;
    }

    private void Record(string metric, int step, double value)
    {
        if (!state.State.Series.TryGetValue(metric, out var series)) state.State.Series[metric] = series = [];
        series[step] = value;
    }

    private string RunDirectory() => Path.Combine(compute.Value.CheckpointDirectory, this.GetPrimaryKeyString());

    // Checkpoints the persisted state vouches for: later files belong to steps this run will redo.
    private IEnumerable<(int Step, string Path)> StoredCheckpoints() =>
        CheckpointFile.InDirectory(RunDirectory()).Where(c => c.Step <= state.State.CheckpointStep);

    // A checkpoint's temporary file that a killed silo never renamed: no reader takes it, and nothing else would delete it.
    private void RemoveTornCheckpoints()
    {
        if (!Directory.Exists(RunDirectory())) return;
        foreach (var torn in Directory.EnumerateFiles(RunDirectory(), "*.ckpt.tmp"))
        {
            logger.LogWarning("Checkpoint {Checkpoint} was never finished (its silo stopped while writing it); deleting it", torn);
            File.Delete(torn);
        }
    }

    // Only after the state that vouches for a newer checkpoint is written, so the state never names a deleted file.
    private void RemoveExpiredCheckpoints()
    {
        var spec = state.State.Summary!.Spec;
        var expired = CheckpointRetention.Expired(
            CheckpointFile.InDirectory(RunDirectory()), state.State.CheckpointStep, spec.KeepCheckpoints, RunSpecMapping.ToProbeSteps(spec));
        foreach (var (_, path) in expired)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException e)
            {
                logger.LogWarning("Checkpoint {Checkpoint} could not be deleted: {Reason}", path, e.Message);
            }
        }
    }

    private async Task EnqueueProbesAsync(RunSpec spec, IReadOnlyList<string> kinds, int step, string path, bool replace)
    {
        foreach (var kind in kinds)
        {
            try
            {
                await GrainFactory.GetGrain<IProbeGrain>(IProbeGrain.Key(spec.RunId, kind)).EnqueueAsync(new ProbeRequest(spec, step, path, replace));
            }
            catch (Exception e)
            {
                // Training must not stop because a probe could not be queued; the next activation queues it again.
                logger.LogWarning(e, "Run {Run} could not queue probe {Kind} at step {Step}", spec.RunId, kind, step);
            }
        }
    }

    private async Task FinishAsync(RunState end, string? error)
    {
        state.State.Summary = state.State.Summary! with { State = end, Error = error };
        await state.WriteStateAsync();
        await ForgetReminderAsync();
        await ReportAsync();
    }

    private async Task ReportAsync()
    {
        var summary = state.State.Summary!;
        try
        {
            await GrainFactory.GetGrain<ISweepCoordinatorGrain>(summary.Spec.SweepId).ReportAsync(summary);
        }
        catch (Exception e)
        {
            // The coordinator catches up from the next report; training must not stop because a report failed.
            logger.LogWarning(e, "Run {Run} could not report to sweep {Sweep}", summary.Spec.RunId, summary.Spec.SweepId);
        }
    }
}
