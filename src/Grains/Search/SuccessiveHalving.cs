namespace OrleansSweep.Grains.Search;

/// <summary>
/// Asynchronous successive halving (Li et al. 2020, the stopping variant) over Hyperband brackets: a run of bracket b meets
/// rungs at <c>min_iter · eta^(b+k)</c> training steps and goes on from each only if its metric there is among the best
/// 1/eta of the runs of its bracket that reached that rung so far. Deciding on what has arrived, never waiting for a full
/// rung, is what keeps every slot busy; the price is that early arrivals are let through more easily.
/// </summary>
public sealed class SuccessiveHalving
{
    private readonly EarlyTerminateSpec spec;
    private readonly bool minimize;
    private readonly Dictionary<(int Bracket, int Step), RungStandings> rungs = [];

    /// <summary>Halving by the spec, the metric lower-is-better when <paramref name="minimize"/>.</summary>
    public SuccessiveHalving(EarlyTerminateSpec spec, bool minimize)
    {
        if (FieldProblem(spec) is { } problem) throw new ArgumentException(problem);
        this.spec = spec;
        this.minimize = minimize;
    }

    /// <summary>
    /// One sentence on what is wrong with early_terminate for a run of <paramref name="steps"/> steps evaluated every
    /// <paramref name="evalEvery"/>, or null: a rung must fall on an eval step, and bracket 0 must have a rung to stop at.
    /// </summary>
    public static string? Problem(EarlyTerminateSpec spec, int evalEvery, int steps)
    {
        if (FieldProblem(spec) is { } problem) return problem;
        if (evalEvery < 1) return $"training.eval_every must be at least 1, got {evalEvery}.";
        if (spec.MinIter >= steps)
            return $"early_terminate.min_iter: the first rung ({spec.MinIter}) is not below training.steps ({steps}), so no run could ever be stopped.";
        // Every rung of every bracket is min_iter · eta^k, a multiple of min_iter: min_iter on an eval step puts them all on one.
        if (spec.MinIter % evalEvery != 0)
            return $"early_terminate.min_iter ({spec.MinIter}) must be a multiple of training.eval_every ({evalEvery}), so that every rung min_iter · eta^k falls on an eval step.";
        return null;
    }

    /// <summary>The bracket of the run created <paramref name="runIndex"/>-th: brackets take turns.</summary>
    public static int BracketOf(int runIndex, int s)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(s, 1);
        return runIndex % s;
    }

    /// <summary>The training steps, ascending and below <paramref name="steps"/>, at which a run of the bracket may be stopped.</summary>
    public IReadOnlyList<int> Rungs(int bracket, int steps)
    {
        CheckBracket(bracket);
        return RungSteps(spec, bracket, steps).ToList();
    }

    /// <summary>
    /// Records the run's metric at a rung of its bracket and says whether it goes on: it does if at most ceil(n/eta) − 1 of the
    /// n values recorded there (its own included) are strictly better, so ties go on and the first run to reach a rung always
    /// does. A NaN or infinite metric stops the run and is not recorded (a diverged run is no standard for the others).
    /// </summary>
    public bool Continues(int bracket, int rungStep, double metric)
    {
        var standings = StandingsAt(bracket, rungStep);
        if (!double.IsFinite(metric)) return false;
        var better = standings.Add(minimize ? metric : -metric);
        return better < (standings.Count + spec.Eta - 1) / spec.Eta;
    }

    /// <summary>
    /// Records a run's metric at a rung without deciding, to rebuild the standings from stored runs after a restart; a later
    /// decision depends only on the values recorded, never on their order.
    /// </summary>
    public void Record(int bracket, int rungStep, double metric)
    {
        var standings = StandingsAt(bracket, rungStep);
        if (double.IsFinite(metric)) standings.Record(minimize ? metric : -metric);
    }

    private RungStandings StandingsAt(int bracket, int rungStep)
    {
        CheckBracket(bracket);
        if (!IsRung(bracket, rungStep))
            throw new ArgumentOutOfRangeException(nameof(rungStep), rungStep, $"not a rung of bracket {bracket}");
        if (!rungs.TryGetValue((bracket, rungStep), out var standings))
            rungs[(bracket, rungStep)] = standings = new RungStandings();
        return standings;
    }

    private bool IsRung(int bracket, int step) => RungSteps(spec, bracket, (long)step + 1).LastOrDefault() == step;

    private void CheckBracket(int bracket)
    {
        if (bracket < 0 || bracket >= spec.S)
            throw new ArgumentOutOfRangeException(nameof(bracket), bracket, $"brackets are 0 to {spec.S - 1}");
    }

    // Longs: min_iter · eta^k may pass int.MaxValue before it passes steps' bound.
    private static IEnumerable<int> RungSteps(EarlyTerminateSpec spec, int bracket, long below)
    {
        var rung = (long)spec.MinIter;
        for (var b = 0; b < bracket && rung < below; b++) rung *= spec.Eta;
        for (; rung < below; rung *= spec.Eta) yield return (int)rung;
    }

    private static string? FieldProblem(EarlyTerminateSpec spec) =>
        spec.Type != "hyperband" ? $"early_terminate.type must be hyperband, got '{spec.Type}'."
        : spec.MinIter < 1 ? $"early_terminate.min_iter must be at least 1, got {spec.MinIter}."
        : spec.Eta < 2 ? $"early_terminate.eta must be at least 2, got {spec.Eta}."
        : spec.S < 1 ? $"early_terminate.s must be at least 1, got {spec.S}."
        : null;
}
