using OrleansSweep.Grains.Runs;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// Turns a sweep spec into its runs: the cartesian product of the grid, in axis order, each with an id derived from the
/// sweep id and the run's whole configuration. Any invalid field fails the whole spec, so no run starts from a bad spec.
/// </summary>
public static partial class SweepExpander
{
    /// <summary>The axes a grid may vary, in the spec's snake_case.</summary>
    public static readonly IReadOnlyList<string> Axes =
        ["d_model", "layers", "heads", "mlp_ratio", "context", "learning_rate", "seed", "batch_size", "steps", "warmup_steps", "weight_decay", "head_rank"];

    /// <summary>Validates <paramref name="spec"/> and returns one run spec per grid point.</summary>
    public static IReadOnlyList<RunSpec> Expand(SweepSpec spec)
    {
        if (!SweepName().IsMatch(spec.Name))
            throw new ArgumentException($"name '{spec.Name}' must be 1-64 letters, digits, '-', '_' or '.'.");
        if (spec.MaxConcurrent < 1) throw new ArgumentException("max_concurrent must be at least 1.");
        if (spec.MaxFailures < 1) throw new ArgumentException("max_failures must be at least 1 (1: the first application error fails the run).");
        if (spec.KeepCheckpoints < 2)
            throw new ArgumentException("keep_checkpoints must be at least 2, so a corrupt newest checkpoint leaves one to resume from.");
        ProbeSpecs.Validate(spec.Probes);
        ValidateAnalysis(spec.Analysis);
        foreach (var axis in spec.Grid)
        {
            if (!Axes.Contains(axis.Name))
                throw new ArgumentException($"grid axis '{axis.Name}' is unknown; use one of {string.Join(", ", Axes)}.");
            if (axis.Values.Count == 0) throw new ArgumentException($"grid axis '{axis.Name}' has no values.");
            if (axis.Values.Distinct().Count() != axis.Values.Count) throw new ArgumentException($"grid axis '{axis.Name}' repeats a value.");
        }
        var duplicate = spec.Grid.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"grid axis '{duplicate.Key}' appears twice.");

        var runs = new List<RunSpec>();
        foreach (var point in Points(spec.Grid))
        {
            var (model, training) = (spec.Model, spec.Training);
            foreach (var (axis, value) in point) (model, training) = Apply(model, training, axis, value);
            var run = new RunSpec(spec.Name, RunId(spec.Name, spec.Corpus, model, training), spec.Corpus, model, training) { Probes = spec.Probes, MaxFailures = spec.MaxFailures, KeepCheckpoints = spec.KeepCheckpoints };
            try
            {
                RunSpecMapping.ToGptConfig(run, vocabularySize: 2).Validate();
                RunSpecMapping.ToTrainerOptions(run).Validate();
            }
            catch (ArgumentException e)
            {
                var where = point.Count == 0 ? "" : " at grid point " + string.Join(", ", point.Select(p => $"{p.Axis}={Format(p.Value)}"));
                throw new ArgumentException($"run{where}: {e.Message}");
            }
            runs.Add(run);
        }
        return runs;
    }

    private static void ValidateAnalysis(AnalysisSpec analysis)
    {
        if (analysis.NgramOrder is < 0 or 1) throw new ArgumentException("analysis.ngram_order must be 0 (none) or at least 2.");
        if (analysis.NgramMinCount < 1) throw new ArgumentException("analysis.ngram_min_count must be at least 1.");
        if (analysis.FitDModels.Any(d => d < 1)) throw new ArgumentException("analysis.fit_d_models must hold positive hidden sizes.");
    }

    private static List<List<(string Axis, double Value)>> Points(IReadOnlyList<GridAxis> grid)
    {
        var points = new List<List<(string, double)>> { new() };
        foreach (var axis in grid)
            points = points.SelectMany(p => axis.Values.Select(v => new List<(string, double)>(p) { (axis.Name, v) })).ToList();
        return points;
    }

    private static (ModelSpec, TrainingSpec) Apply(ModelSpec m, TrainingSpec t, string axis, double value) => axis switch
    {
        "d_model" => (m with { DModel = Integer(axis, value) }, t),
        "layers" => (m with { Layers = Integer(axis, value) }, t),
        "heads" => (m with { Heads = Integer(axis, value) }, t),
        "mlp_ratio" => (m with { MlpRatio = Integer(axis, value) }, t),
        "context" => (m with { Context = Integer(axis, value) }, t),
        "learning_rate" => (m, t with { LearningRate = value }),
        "seed" => (m, t with { Seed = Integer(axis, value) }),
        "batch_size" => (m, t with { BatchSize = Integer(axis, value) }),
        "steps" => (m, t with { Steps = Integer(axis, value) }),
        "warmup_steps" => (m, t with { WarmupSteps = Integer(axis, value) }),
        "weight_decay" => (m, t with { WeightDecay = value }),
        "head_rank" => (m with { HeadRank = Integer(axis, value) }, t),
        _ => throw new ArgumentException($"grid axis '{axis}' is unknown."),
    };

    private static int Integer(string axis, double value) =>
        value == Math.Floor(value) && Math.Abs(value) <= int.MaxValue
            ? (int)value
            : throw new ArgumentException($"grid axis '{axis}' takes integers, not {Format(value)}.");

    private static string RunId(string sweepId, CorpusSpec corpus, ModelSpec model, TrainingSpec training)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new { sweepId, corpus, model, training });
        return $"{sweepId}.{Convert.ToHexStringLower(SHA256.HashData(canonical))[..12]}";
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SweepName();
}
