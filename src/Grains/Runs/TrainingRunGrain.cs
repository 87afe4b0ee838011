using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansSweep.Compute.Devices;
using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Runs;

/// <summary>
/// Owns one configuration's training loop. Training runs on a thread-pool thread and hands its events through a channel;
/// this grain applies them on its own turns, persists at each checkpoint and reports to the sweep's coordinator.
/// </summary>
public sealed class TrainingRunGrain(
    [PersistentState("run")] IPersistentState<TrainingRunState> state,
    CorpusCatalog corpora,
    IOptions<ComputeOptions> compute,
    ILogger<TrainingRunGrain> logger) : Grain, ITrainingRunGrain
{
    private CancellationTokenSource? stop;
    private Task? loop;

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
        EnsureTraining();
        return state.State.Summary;
    }

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

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Probe checkpoints whose queueing a crash may have cut short; probe grains ignore steps they already hold.
        if (state.State.Summary is { } summary)
        {
            var probeSteps = RunSpecMapping.ToProbeSteps(summary.Spec);
            foreach (var (step, path) in StoredCheckpoints().Where(c => probeSteps.Contains(c.Step)))
                await EnqueueProbesAsync(summary.Spec, summary.Spec.Probes.Kinds, step, path, replace: false);
        }
        EnsureTraining();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        stop?.Cancel();
        if (loop is not null) await loop;
    }

    private void EnsureTraining()
    {
        if (loop is { IsCompleted: false } || state.State.Summary is not { State: RunState.Running } summary) return;
        var spec = summary.Spec;
        var resumeFrom = ResumePoint();
        stop = new CancellationTokenSource();
        var token = stop.Token;
        var channel = Channel.CreateUnbounded<TrainingEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var device = ComputeDevice.Select(compute.Value.Device);
        var directory = Path.Combine(compute.Value.CheckpointDirectory, spec.RunId);
        var work = DedicatedThread.Run(() => RunTraining.Run(spec, () => corpora.Get(spec.Corpus), device, directory, resumeFrom, channel.Writer, logger, token));
        loop = PumpAsync(channel.Reader, work);
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
            await foreach (var e in events.ReadAllAsync())
            {
                Apply(e);
                DelayDeactivation(TimeSpan.FromMinutes(30));
                if (e.Checkpoint is { } checkpoint)
                {
                    await state.WriteStateAsync();
                    if (RunSpecMapping.ToProbeSteps(state.State.Summary!.Spec).Contains(checkpoint.Step))
                        await EnqueueProbesAsync(state.State.Summary.Spec, state.State.Summary.Spec.Probes.Kinds, checkpoint.Step, checkpoint.Path, replace: false);
                }
                if (e.Eval is not null || e.Checkpoint is not null) await ReportAsync();
            }
            await FinishAsync(RunState.Completed, null);
        }
        catch (OperationCanceledException) when (stop!.IsCancellationRequested)
        {
            // Deactivating: the run stays Running and resumes from its checkpoint on its next activation.
        }
        catch (TrainingDivergedException e)
        {
            await FinishAsync(RunState.Diverged, e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Run {Run} failed", state.State.Summary!.Spec.RunId);
            await FinishAsync(RunState.Failed, e.Message);
        }
        await work;
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
            summary = summary with { CheckpointPath = checkpoint.Path };
        }
        state.State.Summary = summary;
    }

    private void Record(string metric, int step, double value)
    {
        if (!state.State.Series.TryGetValue(metric, out var series)) state.State.Series[metric] = series = [];
        series[step] = value;
    }

    // Checkpoints the persisted state vouches for: later files belong to steps this run will redo.
    private IEnumerable<(int Step, string Path)> StoredCheckpoints() =>
        CheckpointFile.InDirectory(Path.Combine(compute.Value.CheckpointDirectory, this.GetPrimaryKeyString()))
            .Where(c => c.Step <= state.State.CheckpointStep);

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
