namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// What launching, relaunching, controlling and hearing from runs do to a sweep's persisted state, and which run goes next.
/// No Orleans: every rule is tested without a cluster; the grain makes the calls and decides when the state is stored.
/// </summary>
public sealed class SweepProgress(SweepState state, string sweepId)
{
    /// <summary>Whether a spec was launched under this id.</summary>
    public bool Exists => state.Spec is not null;

    /// <summary>Whether every run has ended, so nothing is left to wake.</summary>
    public bool AllFinished => state.Runs.All(r => r.IsFinished);

    /// <summary>The runs that train now, in grid order.</summary>
    public IReadOnlyList<RunSummary> Running => state.Runs.Where(r => r.State == RunState.Running).ToList();

    /// <summary>A new sweep: its spec, its runs Pending in grid order, and its corpus's description and optimal loss.</summary>
    public void Launch(SweepSpec spec, IReadOnlyList<RunSpec> runs, string corpusDescription, double? optimalLoss)
    {
        state.Spec = spec;
        state.Runs = runs.Select(r => new RunSummary { Spec = r, State = RunState.Pending }).ToList();
        state.CorpusDescription = corpusDescription;
        state.OptimalLoss = optimalLoss;
    }

    /// <summary>
    /// The same spec launched again is the same sweep; one that differs only in max_concurrent changes its capacity (true:
    /// the caller sets it); any other difference is refused.
    /// </summary>
    public bool ChangesCapacity(SweepSpec spec)
    {
        var existing = state.Spec!;
        if (!SweepSpecs.Same(existing with { MaxConcurrent = spec.MaxConcurrent }, spec))
            throw new ArgumentException($"sweep '{spec.Name}' already exists with a different spec; choose another name.");
        return spec.MaxConcurrent != existing.MaxConcurrent;
    }

    /// <summary>Stores the capacity in the spec, its one place; returns the running runs beyond it, last-started last.</summary>
    public IReadOnlyList<RunSummary> SetMaxConcurrent(int maxConcurrent)
    {
        RequireExists();
        if (maxConcurrent < 1) throw new ArgumentException("max_concurrent must be at least 1.");
        state.Spec = state.Spec! with { MaxConcurrent = maxConcurrent };
        return Running.Skip(maxConcurrent).ToList();
    }

    /// <summary>Moves the sweep to <paramref name="phase"/>; a cancelled sweep cannot be paused or resumed.</summary>
    public void Enter(SweepPhase phase)
    {
        RequireExists();
        if (phase != SweepPhase.Cancelled && state.Phase == SweepPhase.Cancelled)
        {
            var action = phase == SweepPhase.Paused ? "pause" : "resume";
            throw new ArgumentException($"sweep '{sweepId}' was cancelled and cannot {action}; launch its spec under another name.");
        }
        state.Phase = phase;
    }

    /// <summary>Records what a run grain answered about itself.</summary>
    public void Replace(RunSummary summary) => state.Runs[state.Runs.FindIndex(r => r.Spec.RunId == summary.Spec.RunId)] = summary;

    /// <summary>
    /// Records a run's report; true when its state changed, which the sweep must store. A finished run never starts again,
    /// so a late progress report cannot undo its end; progress alone is the run's to store (it does, at each checkpoint).
    /// </summary>
    public bool Report(RunSummary summary)
    {
        var index = state.Runs.FindIndex(r => r.Spec.RunId == summary.Spec.RunId);
        if (index < 0 || state.Runs[index].IsFinished) return false;
        var previous = state.Runs[index];
        state.Runs[index] = summary;
        return previous.State != summary.State;
    }

    /// <summary>
    /// The run to start next while the sweep is active and below capacity, or null: paused runs first, since they hold trained
    /// steps and a lowered max_concurrent paused them only to wait their turn; then pending ones in grid order.
    /// </summary>
    public RunSummary? Next() =>
        state.Phase != SweepPhase.Active || Running.Count >= state.Spec!.MaxConcurrent
            ? null
            : state.Runs.FirstOrDefault(r => r.State == RunState.Paused) ?? state.Runs.FirstOrDefault(r => r.State == RunState.Pending);

    /// <summary>The pending runs cancelled here, the others left for their grains to stop; returns the latter.</summary>
    public IReadOnlyList<RunSummary> CancelPending()
    {
        foreach (var run in state.Runs.Where(r => r.State == RunState.Pending).ToList()) Replace(run with { State = RunState.Cancelled });
        return state.Runs.Where(r => !r.IsFinished).ToList();
    }

    /// <summary>The corpus's n-gram rank estimate the spec asks for, or null (analysis.ngram_order 0).</summary>
    public NgramRankRequest? NgramRequest() => state.Spec is { Analysis.NgramOrder: >= 2 } spec
        ? new NgramRankRequest { Corpus = spec.Corpus, Order = spec.Analysis.NgramOrder, MinCount = spec.Analysis.NgramMinCount }
        : null;

    /// <summary>The sweep as the client sees it.</summary>
    public SweepStatus Status() => new()
    {
        SweepId = sweepId,
        Spec = state.Spec!,
        Runs = state.Runs.ToList(),
        OptimalLoss = state.OptimalLoss,
        CorpusDescription = state.CorpusDescription,
        Phase = state.Phase,
        MaxConcurrent = state.Spec!.MaxConcurrent,
    };

    private void RequireExists()
    {
        if (!Exists) throw new ArgumentException($"no sweep has the id '{sweepId}'.");
    }
}
