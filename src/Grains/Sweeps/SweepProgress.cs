namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// What launching, relaunching and controlling do to a sweep's persisted state. No Orleans: every rule is tested without a
/// cluster; the grain makes the calls and decides when the state is stored.
/// </summary>
public sealed class SweepProgress(SweepState state, string sweepId)
{
    /// <summary>Whether a spec was launched under this id.</summary>
    public bool Exists => state.Spec is not null;

    public SweepSpec Spec => state.Spec ?? throw new ArgumentException($"no sweep has the id '{sweepId}'.");

    /// <summary>The runs the sweep will have in all: its grid's points, or its run_cap; once cancelled, those it created.</summary>
    public int Planned => state.Phase == SweepPhase.Cancelled ? state.Created : SweepExpander.Planned(Spec);

    /// <summary>Whether runs may start now, <paramref name="running"/> of them training.</summary>
    public bool MayStart(int running) => state.Phase == SweepPhase.Active && running < Spec.MaxConcurrent;

    /// <summary>A new sweep: its spec, and its corpus's description and optimal loss; its rows come next.</summary>
    public void Launch(SweepSpec spec, string corpusDescription, double? optimalLoss)
    {
        state.Spec = spec;
        state.CorpusDescription = corpusDescription;
        state.OptimalLoss = optimalLoss;
        state.Phase = SweepPhase.Active;
        state.Created = 0;
    }

    /// <summary>
    /// The same spec launched again is the same sweep. One that differs only in max_concurrent or run_cap changes those (true:
    /// the caller stores the spec and fills capacity); a run_cap below the runs created is refused, as is any other difference.
    /// </summary>
    public bool Relaunch(SweepSpec spec)
    {
        var existing = Spec;
        if (!SweepSpecs.Same(existing with { MaxConcurrent = spec.MaxConcurrent, RunCap = spec.RunCap }, spec))
            throw new ArgumentException($"sweep '{spec.Name}' already exists with a different spec; choose another name.");
        if (spec.RunCap is { } cap && cap < state.Created)
            throw new ArgumentException($"run_cap ({cap}) is below the {state.Created} runs sweep '{spec.Name}' has created already; it can only grow.");
        if (spec.MaxConcurrent == existing.MaxConcurrent && spec.RunCap == existing.RunCap) return false;
        state.Spec = spec;
        return true;
    }

    /// <summary>Stores the capacity in the spec, its one place.</summary>
    public void SetMaxConcurrent(int maxConcurrent)
    {
        if (maxConcurrent < 1) throw new ArgumentException("max_concurrent must be at least 1.");
        state.Spec = Spec with { MaxConcurrent = maxConcurrent };
    }

    /// <summary>Moves the sweep to <paramref name="phase"/>; a cancelled sweep cannot be paused or resumed.</summary>
    public void Enter(SweepPhase phase)
    {
        _ = Spec;
        if (phase != SweepPhase.Cancelled && state.Phase == SweepPhase.Cancelled)
        {
            var action = phase == SweepPhase.Paused ? "pause" : "resume";
            throw new ArgumentException($"sweep '{sweepId}' was cancelled and cannot {action}; launch its spec under another name.");
        }
        state.Phase = phase;
    }

    /// <summary>Refuses a retry of anything but failed or stopped runs (a diverged one would diverge again), or of a cancelled sweep.</summary>
    public void CheckRetry(IReadOnlyList<RunState> states)
    {
        if (states.Contains(RunState.Diverged))
            throw new ArgumentException("diverged runs are not retried: with the same seed and batches they would diverge again; launch them with another seed.");
        if (states.Where(s => s is not (RunState.Failed or RunState.Stopped)).Select(s => (RunState?)s).FirstOrDefault() is { } other)
            throw new ArgumentException($"--state takes failed or stopped, not {other.ToString().ToLowerInvariant()}.");
        if (state.Phase == SweepPhase.Cancelled)
            throw new ArgumentException($"sweep '{sweepId}' was cancelled; launch its spec under another name to train it again.");
    }

    /// <summary>The corpus's n-gram rank estimate the spec asks for, or null (analysis.ngram_order 0).</summary>
    public NgramRankRequest? NgramRequest() => state.Spec is { Analysis.NgramOrder: >= 2 } spec
        ? new NgramRankRequest { Corpus = spec.Corpus, Order = spec.Analysis.NgramOrder, MinCount = spec.Analysis.NgramMinCount }
        : null;

    /// <summary>The sweep as the client sees it, with one page of its runs.</summary>
    public SweepStatus Status(SweepIndex index, IReadOnlyList<RunSummary> page, StatusQuery query) => new()
    {
        SweepId = sweepId,
        Spec = Spec,
        Runs = page,
        OptimalLoss = state.OptimalLoss,
        CorpusDescription = state.CorpusDescription,
        Phase = state.Phase,
        MaxConcurrent = Spec.MaxConcurrent,
        Counts = index.Counts,
        Planned = Planned,
        Version = index.Version,
        Page = query.Page,
        PageSize = query.PageSize,
        StateFilter = query.State,
        Matching = query.State is { } s ? index.Counts.Of(s) : index.Counts.Total,
    };
}
