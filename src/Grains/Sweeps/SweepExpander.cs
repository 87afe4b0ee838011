using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// Turns a sweep spec into its runs: the cartesian product of the grid, in axis order, each with an id derived from the
/// sweep id and the run's whole configuration. Any invalid field fails the whole spec, so no run starts from a bad spec.
/// </summary>
public static class SweepExpander
{
    /// <summary>Validates <paramref name="spec"/> against <see cref="SpecFields"/> and returns one run spec per grid point.</summary>
    public static IReadOnlyList<RunSpec> Expand(SweepSpec spec)
    {
        if (SpecFields.Problem(spec) is { } invalid) throw new ArgumentException(invalid);
        var axes = spec.Grid.Select(Axis).ToList();
        var duplicate = spec.Grid.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"grid axis '{duplicate.Key}' appears twice.");

        var runs = new List<RunSpec>();
        foreach (var point in Points(spec.Grid))
        {
            var where = point.Count == 0 ? "" : " at grid point " + string.Join(", ", point.Select(p => $"{p.Axis.Name}={Format(p.Value)}"));
            var at = point.Aggregate(spec, (s, p) => p.Axis.Write(s, p.Axis.Type == SpecFieldType.Integer ? (object)Integer(p.Axis, p.Value) : p.Value));
            var problem = SpecFields.Problem(at, f => f.IsAxis) ?? CrossFieldProblem(at.Model);
            if (problem is not null) throw new ArgumentException($"run{where}: {problem}");
            runs.Add(new RunSpec(spec.Name, RunId(spec.Name, spec.Corpus, at.Model, at.Training), spec.Corpus, at.Model, at.Training)
            {
                Probes = spec.Probes, MaxFailures = spec.MaxFailures, KeepCheckpoints = spec.KeepCheckpoints,
            });
        }
        return runs;
    }

    // STUBS until the spec branch merges.
    public static void Validate(SweepSpec spec) => Expand(spec);
    public static IReadOnlyList<string> Axes(SweepSpec spec) => spec.Grid.Select(a => a.Name).ToList();
    public static IReadOnlyList<bool> Listed(SweepSpec spec) => spec.Grid.Select(_ => true).ToList();
    public static int Planned(SweepSpec spec) => Math.Min(spec.RunCap ?? int.MaxValue, spec.Grid.Aggregate(1, (n, a) => n * a.Values.Count));
    public static IEnumerable<RunSpec> Runs(SweepSpec spec) => Expand(spec).Select((r, i) => r with { Index = i });
    public static IReadOnlyList<double> PointOf(SweepSpec spec, RunSpec run) => Points(spec.Grid)[run.Index].Select(p => p.Value).ToList();
    public static RunSpec RunAt(SweepSpec spec, int index, IReadOnlyList<double> point) => Runs(spec).ElementAt(index);

    // The rules that tie two fields together; each field's own bounds are in SpecFields.
    private static string? CrossFieldProblem(ModelSpec model) =>
        model.DModel % model.Heads != 0 ? $"model.heads ({model.Heads}) must divide model.d_model ({model.DModel})."
        : model.TiedHead && model.HeadRank is not null
            ? "model.head_rank cannot be combined with model.tied_head: a factorised head has its own weights."
            : null;

    private static SpecField Axis(GridAxis axis)
    {
        var field = SpecFields.Axes.FirstOrDefault(f => f.Name == axis.Name)
            ?? throw new ArgumentException($"grid axis '{axis.Name}' is unknown; use one of {string.Join(", ", SpecFields.Axes.Select(f => f.Name))}.");
        if (axis.Values.Count == 0) throw new ArgumentException($"grid axis '{axis.Name}' has no values.");
        if (axis.Values.Distinct().Count() != axis.Values.Count) throw new ArgumentException($"grid axis '{axis.Name}' repeats a value.");
        return field;
    }

    private static List<List<(SpecField Axis, double Value)>> Points(IReadOnlyList<GridAxis> grid)
    {
        var points = new List<List<(SpecField, double)>> { new() };
        foreach (var axis in grid)
        {
            var field = Axis(axis);
            points = points.SelectMany(p => axis.Values.Select(v => new List<(SpecField, double)>(p) { (field, v) })).ToList();
        }
        return points;
    }

    private static int Integer(SpecField axis, double value) =>
        value == Math.Floor(value) && Math.Abs(value) <= int.MaxValue
            ? (int)value
            : throw new ArgumentException($"grid axis '{axis.Name}' takes integers, not {Format(value)}.");

    private static string RunId(string sweepId, CorpusSpec corpus, ModelSpec model, TrainingSpec training)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new { sweepId, corpus, model, training });
        return $"{sweepId}.{Convert.ToHexStringLower(SHA256.HashData(canonical))[..12]}";
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
