using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using OrleansSweep.Grains.Search;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// Turns a sweep spec into its runs, one at a time: grid points in order (the last axis fastest) or seeded random draws, each
/// a run with an id derived from the sweep id and the run's configuration. <see cref="Validate"/> checks the whole spec
/// without listing its runs, so no run is stored from a bad spec and a million-run spec is checked in milliseconds.
/// </summary>
public static class SweepExpander
{
    // Combinations of the cross-checked model fields beyond this are not all checked up front; each run is still checked as it is made.
    private const long CrossChecks = 10_000_000;

    /// <summary>Throws one sentence naming the field or parameter when anything in <paramref name="spec"/> is wrong; lists no runs.</summary>
    public static void Validate(SweepSpec spec) => Space(spec);

    /// <summary>The names of a point's coordinates: the grid's axes or the parameters, in spec order.</summary>
    public static IReadOnlyList<string> Axes(SweepSpec spec) => Space(spec).Axes;

    /// <summary>Per coordinate, whether its values are listed (a grid axis, values or a value), so runs are grouped over it.</summary>
    public static IReadOnlyList<bool> Listed(SweepSpec spec) =>
        [.. Space(spec).Dimensions.Select(d => d.Parameter.Distribution is "constant" or "categorical")];

    /// <summary>The runs the spec asks for: a grid's points (the first run_cap of them), or run_cap.</summary>
    public static int Planned(SweepSpec spec) => spec.Method == "grid"
        ? (int)BigInteger.Min(spec.RunCap ?? int.MaxValue, Space(spec).Points ?? 0)
        : spec.RunCap ?? 0;

    /// <summary>
    /// The runs of <paramref name="spec"/> in order, made as they are enumerated. grid: its points, the first run_cap of them;
    /// random: run_cap distinct draws seeded by search_seed (a point drawn before is drawn again), draw k the same whatever
    /// run_cap is; bayes: none (its runs are proposed as results come in).
    /// </summary>
    public static IEnumerable<RunSpec> Runs(SweepSpec spec)
    {
        var space = Space(spec);
        return Points(spec, space).Select((point, index) => RunAt(spec, space, index, point));
    }

    /// <summary>
    /// The points of <see cref="Runs"/>, coordinates in <see cref="Axes"/> order, without making their runs: what a sweep
    /// stores for a run that has not started (every field and cross-field rule was checked for the whole space up front).
    /// </summary>
    public static IEnumerable<IReadOnlyList<double>> Points(SweepSpec spec) => Points(spec, Space(spec));

    /// <summary>Every run at once, for small sweeps and tests: <see cref="Runs"/> listed.</summary>
    public static IReadOnlyList<RunSpec> Expand(SweepSpec spec) => Runs(spec).ToList();

    /// <summary>The run at <paramref name="point"/> (coordinates in <see cref="Axes"/> order), numbered <paramref name="index"/>.</summary>
    public static RunSpec RunAt(SweepSpec spec, int index, IReadOnlyList<double> point) => RunAt(spec, Space(spec), index, point);

    // A spec is immutable and a coordinator keeps its one instance, so its space is checked once, not on every call.
    private static readonly ConditionalWeakTable<SweepSpec, SearchSpace> Checked = [];

    private static SearchSpace Space(SweepSpec spec) => Checked.GetValue(spec, CheckedSpace);

    private static SearchSpace CheckedSpace(SweepSpec spec)
    {
        if (SpecFields.Problem(spec) is { } invalid) throw new ArgumentException(invalid);
        var space = SearchSpace.Of(spec);
        if (space.MethodProblem(spec) is { } problem) throw new ArgumentException(problem);
        if (CrossFieldProblem(spec, space) is { } crossed) throw new ArgumentException(crossed);
        if (spec.EarlyTerminate is { } early && SuccessiveHalving.Problem(early, spec.Training.EvalEvery, spec.Training.Steps) is { } halving)
            throw new ArgumentException(halving);
        return space;
    }

    private static IEnumerable<IReadOnlyList<double>> Points(SweepSpec spec, SearchSpace space) => spec.Method switch
    {
        "grid" => GridPoints(spec, space),
        "random" => RandomPoints(spec, space),
        _ => [],
    };

    private static IEnumerable<IReadOnlyList<double>> GridPoints(SweepSpec spec, SearchSpace space)
    {
        // Validation has checked that run_cap is at most the points there are.
        var count = spec.RunCap ?? (long)space.Points!.Value;
        for (var index = 0; index < count; index++) yield return space.GridPoint(index);
    }

    private static IEnumerable<IReadOnlyList<double>> RandomPoints(SweepSpec spec, SearchSpace space)
    {
        // One stream per search: draw k depends only on the seed and the draws before it, never on run_cap.
        var random = new Random(spec.SearchSeed);
        // Distinct points are distinct configurations, hence distinct run ids; a 64-bit key per point keeps a million of them small.
        var seen = new HashSet<ulong>();
        for (var index = 0; index < spec.RunCap!.Value;)
        {
            var point = space.Draw(random);
            if (!seen.Add(Key(point))) continue;
            index++;
            yield return point;
        }
    }

    private static RunSpec RunAt(SweepSpec spec, SearchSpace space, int index, IReadOnlyList<double> point)
    {
        if (point.Count != space.Dimensions.Count)
            throw new ArgumentException($"a point of this sweep has {space.Dimensions.Count} coordinates ({string.Join(", ", space.Axes)}), not {point.Count}.");
        var at = spec;
        for (var i = 0; i < point.Count; i++) at = Write(at, space.Dimensions[i], point[i]);
        var problem = SpecFields.Problem(at, f => f.IsAxis) ?? CrossFieldProblem(at.Model);
        if (problem is not null) throw new ArgumentException($"run at {Where(space.Dimensions, point)}: {problem}");
        return new RunSpec(spec.Name, RunIdentity.Of(spec.Name, spec.Corpus, at.Model, at.Training), spec.Corpus, at.Model, at.Training)
        {
            Probes = spec.Probes, MaxFailures = spec.MaxFailures, KeepCheckpoints = spec.KeepCheckpoints, Index = index,
        };
    }

    private static SweepSpec Write(SweepSpec spec, SearchDimension dimension, double value)
    {
        if (dimension.Field.Type != SpecFieldType.Integer) return dimension.Field.Write(spec, value);
        if (value != Math.Floor(value) || Math.Abs(value) > int.MaxValue)
            throw new ArgumentException($"{dimension.Path} takes integers, not {Format(value)}.");
        return dimension.Field.Write(spec, (int)value);
    }

    // The rules that tie two fields together; each field's own bounds are in SpecFields.
    private static string? CrossFieldProblem(ModelSpec model) =>
        model.DModel % model.Heads != 0 ? $"model.heads ({model.Heads}) must divide model.d_model ({model.DModel})."
        : model.TiedHead && model.HeadRank is not null
            ? "model.head_rank cannot be combined with model.tied_head: a factorised head has its own weights."
            : null;

    // The cross-field rules over every combination of the values the space gives the fields they read, before any run is made.
    private static string? CrossFieldProblem(SweepSpec spec, SearchSpace space)
    {
        var crossed = space.Dimensions.Where(d => d.Field.Section == "model" && d.Name is "d_model" or "heads" or "head_rank").ToList();
        if (crossed.Any(d => !ParameterDistribution.IsDiscrete(d.Parameter))) return null;
        var counts = crossed.Select(d => ParameterDistribution.Count(d.Parameter)).ToList();
        var combinations = counts.Aggregate(1.0, (product, count) => product * count);
        if (combinations > CrossChecks) return null;
        for (long combination = 0; combination < combinations; combination++)
        {
            var (at, rest, point) = (spec, combination, new double[crossed.Count]);
            for (var i = crossed.Count - 1; i >= 0; i--)
            {
                point[i] = ParameterDistribution.ValueAt(crossed[i].Parameter, rest % counts[i]);
                rest /= counts[i];
                at = Write(at, crossed[i], point[i]);
            }
            if (CrossFieldProblem(at.Model) is { } problem) return $"run at {Where(crossed, point)}: {problem}";
        }
        return null;
    }

    private static string Where(IReadOnlyList<SearchDimension> dimensions, IReadOnlyList<double> point) => point.Count == 0
        ? "the base spec"
        : string.Join(", ", dimensions.Select((d, i) => $"{d.Name}={Format(point[i])}"));

    // SplitMix64's finaliser over each coordinate's bits: with 64 bits, a million points collide with odds near 1e-8.
    private static ulong Key(IReadOnlyList<double> point)
    {
        var key = 0UL;
        foreach (var value in point)
        {
            var z = unchecked(key * 0x9E3779B97F4A7C15UL + (ulong)BitConverter.DoubleToInt64Bits(value) + 0x632BE59BD9B4E019UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            key = z ^ (z >> 31);
        }
        return key;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
