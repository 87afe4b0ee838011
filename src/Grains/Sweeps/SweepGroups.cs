namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// A sweep's runs grouped by their listed values but the seed (grid axes, and parameters given as values or a value), each
/// group's aggregate kept current as its runs change, so a page of groups costs the same however many runs a group holds.
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
        group.Put(row.Index, new Member(row.State, metric, row.Summary is { } s && SummarySaturated(s), row.Summary?.NonEmbeddingParameters ?? 0));
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

    // A group's aggregate is kept as its runs change, so a page of groups costs the same whatever their size. Sums are of
    // values less the group's first one, so the variance does not cancel away in the difference of two large sums.
    private sealed class Group(IReadOnlyList<AxisValue> axes)
    {
        private readonly Dictionary<int, Member> _members = [];
        private readonly int[] _counts = new int[Enum.GetValues<RunState>().Length];
        private readonly SortedSet<(double Value, int Index)> _values = [];
        private double? _shift;
        private double _sum, _sumOfSquares;
        private int _saturated;
        private long _nonEmbeddingParameters;

        public void Put(int index, Member member)
        {
            if (_members.Remove(index, out var old)) Count(index, old, -1);
            _members[index] = member;
            Count(index, member, +1);
            if (member.NonEmbeddingParameters > 0) _nonEmbeddingParameters = member.NonEmbeddingParameters;
        }

        public GroupResult Result(bool minimize)
        {
            var n = _values.Count;
            double? mean = n > 0 ? _shift + _sum / n : null;
            return new GroupResult
            {
                Axes = axes,
                Counts = RunCounts.From(_counts),
                Best = n == 0 ? null : minimize ? _values.Min.Value : _values.Max.Value,
                Mean = mean,
                StandardDeviation = n > 1 ? Math.Sqrt(Math.Max(0, (_sumOfSquares - _sum * _sum / n) / (n - 1))) : null,
                Measured = n,
                Saturated = _saturated,
                NonEmbeddingParameters = _nonEmbeddingParameters,
            };
        }

        private void Count(int index, Member member, int sign)
        {
            _counts[(int)member.State] += sign;
            if (member.Saturated) _saturated += sign;
            if (member.Metric is not { } value) return;
            _shift ??= value;
            var shifted = value - _shift.Value;
            _sum += sign * shifted;
            _sumOfSquares += sign * shifted * shifted;
            if (sign > 0) _values.Add((value, index));
            else _values.Remove((value, index));
        }
    }
}
