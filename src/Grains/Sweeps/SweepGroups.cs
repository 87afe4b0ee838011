namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// A sweep's runs grouped by their listed values but the seed (grid axes, and parameters given as values or a value), each
/// group's members kept with their latest metric, so a group's aggregate is computed when asked, exactly, from its few runs.
/// </summary>
public sealed class SweepGroups(IReadOnlyList<string> axes, IReadOnlyList<bool> listed)
{
    private readonly Dictionary<string, Group> _byKey = [];
    private readonly List<Group> _order = [];

    /// <summary>How many groups there are.</summary>
    public int Count => _order.Count;

    /// <summary>Puts <paramref name="row"/> in its group in place of what that group held for it.</summary>
    public void Apply(RunRow row, double? metric)
    {
        var key = string.Join("|", Enumerable.Range(0, axes.Count).Where(Grouped).Select(i => row.Point[i].ToString("R")));
        if (!_byKey.TryGetValue(key, out var group))
        {
            group = new Group(Enumerable.Range(0, axes.Count).Where(Grouped).Select(i => new AxisValue(axes[i], row.Point[i])).ToList());
            _byKey.Add(key, group);
            _order.Add(group);
        }
        group.Members[row.Index] = new Member(row.State, metric, row.Summary is { } s && SummarySaturated(s), row.Summary?.NonEmbeddingParameters ?? 0);
    }

    /// <summary>One page of groups (1-based), in the order their first run was created, and best first within the metric's goal.</summary>
    public IReadOnlyList<GroupResult> Page(int page, int size, bool minimize) =>
        _order.Skip((page - 1) * size).Take(size).Select(g => g.Result(minimize)).ToList();

    // The seed is what a group averages over.
    private bool Grouped(int axis) => listed[axis] && axes[axis] != "seed";

    // SCIENCE.md §6 from the summary alone: the final eval rose above the best by more than max(0.01, 2·stderr).
    private static bool SummarySaturated(RunSummary s) =>
        s is { FinalEvalLoss: { } final, BestEvalLoss: { } best } && final - best > Math.Max(0.01, 2 * (s.FinalEvalStandardError ?? 0));

    private sealed record Member(RunState State, double? Metric, bool Saturated, long NonEmbeddingParameters);

    private sealed class Group(IReadOnlyList<AxisValue> axes)
    {
        public Dictionary<int, Member> Members { get; } = [];

        public GroupResult Result(bool minimize)
        {
            var counts = new int[Enum.GetValues<RunState>().Length];
            foreach (var m in Members.Values) counts[(int)m.State]++;
            var values = Members.Values.Where(m => m.Metric is not null).Select(m => m.Metric!.Value).ToList();
            var mean = values.Count > 0 ? values.Average() : (double?)null;
            return new GroupResult
            {
                Axes = axes,
                Counts = RunCounts.From(counts),
                Best = values.Count == 0 ? null : minimize ? values.Min() : values.Max(),
                Mean = mean,
                StandardDeviation = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean!.Value) * (v - mean.Value)) / (values.Count - 1)) : null,
                Measured = values.Count,
                Saturated = Members.Values.Count(m => m.Saturated),
                NonEmbeddingParameters = Members.Values.Select(m => m.NonEmbeddingParameters).FirstOrDefault(n => n > 0),
            };
        }
    }
}
