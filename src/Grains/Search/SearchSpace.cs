using System.Globalization;
using System.Numerics;

namespace OrleansSweep.Grains.Search;

/// <summary>
/// The space a sweep's runs are points of: its grid's axes (each a categorical of its listed values) or its parameters, in
/// spec order. Counts, grid points and random draws are computed per point, so a space of a million runs is never listed.
/// </summary>
public sealed class SearchSpace
{
    private SearchSpace(IReadOnlyList<SearchDimension> dimensions) => Dimensions = dimensions;

    public IReadOnlyList<SearchDimension> Dimensions { get; }

    /// <summary>The names of a point's coordinates, in order.</summary>
    public IReadOnlyList<string> Axes => [.. Dimensions.Select(d => d.Name)];

    /// <summary>How many distinct points the space has; null when a parameter is continuous.</summary>
    public BigInteger? Points => Dimensions.All(d => ParameterDistribution.IsDiscrete(d.Parameter))
        ? Dimensions.Aggregate(BigInteger.One, (product, d) => product * ParameterDistribution.Count(d.Parameter))
        : null;

    /// <summary>The space of <paramref name="spec"/>; each dimension's problem is one sentence naming it as the YAML does.</summary>
    public static SearchSpace Of(SweepSpec spec)
    {
        if (spec.Grid.Count > 0 && spec.Parameters.Count > 0)
            throw new ArgumentException("a spec gives grid or parameters, not both: parameters is W&B's form of the same search space.");
        var dimensions = spec.Parameters.Count > 0
            ? spec.Parameters.Select(p => Dimension("parameters", p.Name, ParameterDistribution.Inferred(p))).ToList()
            : spec.Grid.Select(a => Dimension("grid", a.Name, new ParameterSpec { Name = a.Name, Distribution = "categorical", Values = a.Values })).ToList();
        var duplicate = dimensions.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"{duplicate.First().Path} appears twice.");
        foreach (var d in dimensions)
        {
            if (d.Parameter is { Distribution: "categorical", Values.Count: 0 }) throw new ArgumentException($"{d.Path} has no values.");
            if (ParameterDistribution.Problem(d.Parameter, d.Field, d.Path) is { } problem) throw new ArgumentException(problem);
        }
        return new SearchSpace(dimensions);
    }

    /// <summary>
    /// What is wrong with running <paramref name="spec"/>'s method over this space, as one sentence: grid needs listed values
    /// and at most <see cref="SpecFields.MaxRuns"/> points; random and bayes need a run_cap the space has distinct points for.
    /// </summary>
    public string? MethodProblem(SweepSpec spec)
    {
        var points = Points;
        if (spec.Method == "grid")
        {
            if (Dimensions.FirstOrDefault(d => !ParameterDistribution.IsDiscrete(d.Parameter)) is { } continuous)
                return $"{continuous.Path}: method grid needs listed values (value, values, int_uniform or a q distribution), not {continuous.Parameter.Distribution}; or use method random.";
            if (points > SpecFields.MaxRuns)
                return $"the grid has {Product()} points; at most {SpecFields.MaxRuns:N0} are allowed.";
            if (spec.RunCap > points)
                return $"run_cap ({spec.RunCap}) is more than the grid's {Product()} points.";
            return null;
        }
        if (spec.RunCap is null) return $"run_cap must be given for method {spec.Method}: it is the number of runs.";
        if (spec.RunCap > points)
            return $"run_cap ({spec.RunCap}) is more than the {Product()} distinct points of parameters; lower run_cap or widen a parameter.";
        return null;
    }

    /// <summary>The grid point at <paramref name="index"/>, the last axis fastest.</summary>
    public IReadOnlyList<double> GridPoint(long index)
    {
        var point = new double[Dimensions.Count];
        for (var i = Dimensions.Count - 1; i >= 0; i--)
        {
            var count = ParameterDistribution.Count(Dimensions[i].Parameter);
            point[i] = ParameterDistribution.ValueAt(Dimensions[i].Parameter, index % count);
            index /= count;
        }
        return point;
    }

    /// <summary>One random point: each coordinate drawn from its parameter's distribution, in order.</summary>
    public IReadOnlyList<double> Draw(Random random) =>
        [.. Dimensions.Select(d => ParameterDistribution.Sample(d.Parameter, d.Field, random))];

    /// <summary>"d_model (4) × learning_rate (1000) = 4,000", as messages name the size of a space.</summary>
    public string Product()
    {
        var factors = string.Join(" × ", Dimensions.Select(d => $"{d.Name} ({ParameterDistribution.Count(d.Parameter)})"));
        var total = Points!.Value.ToString("N0", CultureInfo.InvariantCulture);
        return Dimensions.Count == 0 ? "1" : $"{factors} = {total}";
    }

    private static SearchDimension Dimension(string section, string name, ParameterSpec parameter)
    {
        var field = SpecFields.Axes.FirstOrDefault(f => f.Name == name)
            ?? throw new ArgumentException($"{section}.{name} is not a field a search may vary; use one of {string.Join(", ", SpecFields.Axes.Select(f => f.Name))}.");
        return new SearchDimension($"{section}.{name}", field, parameter);
    }
}
