using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Corpora;

namespace OrleansSweep.Grains.Runs;

/// <summary>
/// What starting, resuming, training, failing and ending do to a run's persisted state. No Orleans and no files, so every
/// transition is tested without a cluster; the grain decides when the state is stored and whom to tell.
/// </summary>
public sealed class RunProgress(TrainingRunState state)
{
    /// <summary>The longest wait before a failed run trains again.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>Records the spec on the first start and sets a paused run running again; false when nothing changed.</summary>
    public bool Start(RunSpec spec)
    {
        if (state.Summary is null)
        {
            var config = RunSpecMapping.ToGptConfig(spec, CorpusCatalog.VocabularySize(spec.Corpus));
            state.Summary = new RunSummary
            {
                Spec = spec,
                State = RunState.Running,
                Parameters = config.TotalParameters,
                NonEmbeddingParameters = config.NonEmbeddingParameters,
            };
            return true;
        }
        if (state.Summary.State != RunState.Paused) return false;
        state.Summary = state.Summary with { State = RunState.Running };
        return true;
    }

    /// <summary>
    /// Training starts on <paramref name="silo"/> from <paramref name="checkpoint"/>, or from scratch when none verified. The
    /// series are cut back to its step (cleared without one): everything after it will be recomputed identically.
    /// </summary>
    public void Resume(CheckpointInfo? checkpoint, string silo, DateTime at)
    {
        var summary = state.Summary!;
        state.CheckpointStep = checkpoint?.Step ?? 0;
        if (checkpoint is null) state.Series.Clear();
        foreach (var series in state.Series.Values)
            foreach (var step in series.Keys.Where(s => s > state.CheckpointStep).ToList()) series.Remove(step);
        // A run that trained before (on this silo or another) and trains again now is a resume; record when, where and from which step.
        var resumes = summary.Silo is null ? summary.Resumes : [.. summary.Resumes, new RunResume(at, silo, state.CheckpointStep)];
        state.Summary = summary with { CheckpointPath = checkpoint?.Path, Silo = silo, Resumes = resumes, Step = state.CheckpointStep };
    }

    /// <summary>Applies <paramref name="events"/> in order; returns the checkpoints among them.</summary>
    public IReadOnlyList<CheckpointInfo> Apply(IEnumerable<TrainingEvent> events)
    {
        var checkpoints = new List<CheckpointInfo>();
        foreach (var e in events)
        {
            Apply(e);
            if (e.Checkpoint is { } checkpoint) checkpoints.Add(checkpoint);
        }
        return checkpoints;
    }

    /// <summary>One event of the training thread: its metrics join the series, its numbers the summary.</summary>
    public void Apply(TrainingEvent e)
    {
        var summary = state.Summary!;
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
            var best = state.Series[MetricNames.EvalLoss].MinBy(p => p.Value);
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
            state.CheckpointStep = checkpoint.Step;
            summary = summary with { CheckpointPath = checkpoint.Path, Step = Math.Max(summary.Step, checkpoint.Step) };
        }
        if (e.LoopSeconds is { } seconds) summary = summary with { TrainingSeconds = (summary.TrainingSeconds ?? 0) + seconds };
        state.Summary = summary;
    }

    /// <summary>Series a run stored under their old names (<see cref="MetricNames.Renamed"/>) take their names now.</summary>
    public void RenameLegacySeries()
    {
        foreach (var (old, now) in MetricNames.Renamed)
            if (state.Series.Remove(old, out var series)) state.Series[now] = series;
    }

    /// <summary>One metric's values, steps ascending.</summary>
    public MetricSeries Series(string metric) => state.Series.TryGetValue(metric, out var series)
        ? new MetricSeries(metric, series.Keys.ToList(), series.Values.ToList())
        : new MetricSeries(metric, [], []);

    /// <summary>
    /// Counts an application error: below the spec's max_failures the run stays Running and the result is the wait before it
    /// trains again (2, 4, 8, … seconds, at most <see cref="MaxBackoff"/>); at it the run is Failed and the result is null.
    /// </summary>
    public TimeSpan? Fail(string error)
    {
        var summary = state.Summary!;
        var failures = summary.Failures + 1;
        if (failures >= summary.Spec.MaxFailures)
        {
            state.Summary = summary with { Failures = failures, State = RunState.Failed, Error = error };
            return null;
        }
        state.Summary = summary with { Failures = failures, Error = error };
        return TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures)));
    }

    /// <summary>The loss stopped being finite at <paramref name="step"/>: the run ends there, Diverged.</summary>
    public void Diverge(int step, string error) => state.Summary = state.Summary! with { Step = step, State = RunState.Diverged, Error = error };

    /// <summary>Training reached its last step; an error a retry got past is no longer the run's.</summary>
    public void Complete() => state.Summary = state.Summary! with { State = RunState.Completed, Error = null };

    /// <summary>
    /// Training stopped by itself: with no error it completed; a divergence ends the run at its step; an application error
    /// (<see cref="TrainingFailedException"/>) counts one failure. The wait before a retry, or null when the run has ended.
    /// </summary>
    public TimeSpan? End(Exception? error)
    {
        switch (error)
        {
            case null:
                Complete();
                return null;
            case TrainingDivergedException diverged:
                Diverge(diverged.Step, diverged.Message);
                return null;
            default:
                return Fail((error.InnerException ?? error).Message);
        }
    }

    /// <summary>
    /// Pauses, cancels or stops at an early-termination rung (<paramref name="rungStep"/>); false when the run has ended
    /// already or is <paramref name="end"/> already.
    /// </summary>
    public bool Stop(RunState end, int? rungStep = null)
    {
        var summary = state.Summary!;
        if (summary.IsFinished || summary.State == end) return false;
        state.Summary = summary with { State = end, StoppedAtStep = rungStep };
        return true;
    }

    /// <summary>A failed or stopped run runs again with no failures counted; false when it is not one. A diverged run is refused.</summary>
    public bool Retry()
    {
        var summary = state.Summary!;
        if (summary.State == RunState.Diverged)
            throw new ArgumentException($"run {summary.Spec.RunId} diverged: with the same seed and batches it would diverge again; launch it with another seed.");
        if (summary.State is not (RunState.Failed or RunState.Stopped)) return false;
        state.Summary = summary with { State = RunState.Running, Failures = 0, Error = null, StoppedAtStep = null };
        return true;
    }

    /// <summary>A metric's value at exactly <paramref name="step"/>, or null when none was recorded there.</summary>
    public double? ValueAt(string metric, int step) =>
        state.Series.TryGetValue(metric, out var series) && series.TryGetValue(step, out var value) ? value : null;

    private void Record(string metric, int step, double value)
    {
        if (!state.Series.TryGetValue(metric, out var series)) state.Series[metric] = series = [];
        series[step] = value;
    }
}
