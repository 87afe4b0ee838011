using System.Diagnostics;
using OrleansSweep.Grains.Sweeps;

namespace OrleansSweep.Grains.Tests.Search;

/// <summary>Every search space refused before anything is stored, in one sentence naming the parameter or field as the YAML does.</summary>
public sealed class SearchSpaceValidationTests
{
    private static readonly SweepSpec Base = TinySweeps.Create("space", steps: 10, []);

    public static TheoryData<string, string> RefusedParameters() => new()
    {
        { "lerning_rate: uniform 0.1 0.2", "parameters.lerning_rate is not a field a search may vary" },
        { "learning_rate: beta 0.1 0.2", "parameters.learning_rate: distribution 'beta' is unknown; use one of constant, categorical," },
        { "learning_rate: log_uniform -7 -2", "parameters.learning_rate: distribution 'log_uniform' is not offered; use log_uniform_values" },
        { "learning_rate: uniform 0.1 0.01", "parameters.learning_rate: min (0.1) must be below max (0.01)." },
        { "learning_rate: uniform 0.1 0.1", "parameters.learning_rate: min (0.1) must be below max (0.1)." },
        { "learning_rate: log_uniform_values 0 0.1", "parameters.learning_rate: log_uniform_values needs min above 0, got 0." },
        { "weight_decay: q_log_uniform_values -1 1 q=0.1", "parameters.weight_decay: q_log_uniform_values needs min above 0, got -1." },
        { "learning_rate: q_uniform 0.1 0.5 q=0", "parameters.learning_rate: q must be positive, got 0." },
        { "learning_rate: normal mu=0.1 sigma=0", "parameters.learning_rate: sigma must be positive, got 0." },
        { "learning_rate: normal mu=-1 sigma=0.1", "parameters.learning_rate: mu puts the centre of normal outside the range" },
        { "batch_size: categorical 8,16 p=1", "parameters.batch_size: probabilities has 1 entries for 2 values." },
        { "batch_size: categorical 8,16 p=0.5,0.4", "parameters.batch_size: probabilities sum to 0.9, not 1." },
        { "batch_size: categorical 8,16,8", "parameters.batch_size: values repeat 8." },
        { "d_model: uniform 8 64", "parameters.d_model: uniform gives fractions, but model.d_model is an integer" },
        { "d_model: normal mu=32 sigma=4", "parameters.d_model: normal gives fractions" },
        { "d_model: q_uniform 8 64 q=2.5", "parameters.d_model: q_uniform on the integer model.d_model needs integer min, max and q" },
        { "d_model: int_uniform 8.5 64", "parameters.d_model: int_uniform needs integer min and max" },
        { "d_model: categorical 8,12.5", "parameters.d_model: values must be integers, since model.d_model is an integer; got 12.5." },
        { "d_model: categorical 0,8", "parameters.d_model: model.d_model must be at least 1, got 0." },
        { "d_model: int_uniform 0 8", "parameters.d_model: model.d_model must be at least 1, got 0." },
        { "learning_rate: constant -1", "parameters.learning_rate: training.learning_rate must be positive, got -1." },
        { "learning_rate: uniform 0.1 0.2 q=0.1", "parameters.learning_rate: q does not apply to uniform." },
        { "learning_rate: uniform 0.1 inf", "parameters.learning_rate: max must be a finite number." },
        { "learning_rate: uniform", "parameters.learning_rate: uniform needs min and max." },
        { "learning_rate:", "parameters.learning_rate: give value, values, min and max, or mu and sigma (or a distribution)." },
        { "heads: categorical 1,3", "run at heads=3: model.heads (3) must divide model.d_model (8)." },
    };

    [Theory]
    [MemberData(nameof(RefusedParameters))]
    public void ABadParameterIsRefusedNamingIt(string parameter, string expected)
    {
        var spec = Base with { Method = "random", RunCap = 2, Parameters = [Parameter(parameter), Parameter("seed: int_uniform 1 100")] };

        var error = Assert.Throws<ArgumentException>(() => SweepExpander.Validate(spec));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    public static TheoryData<string, int?, string, string> RefusedSpecs() => new()
    {
        { "grid", null, "learning_rate: log_uniform_values 0.001 0.1", "parameters.learning_rate: method grid needs listed values" },
        { "random", null, "learning_rate: uniform 0.001 0.1", "run_cap must be given for method random" },
        { "bayes", null, "learning_rate: uniform 0.001 0.1", "run_cap must be given for method bayes" },
        { "random", 0, "learning_rate: uniform 0.001 0.1", "run_cap must be in [1, 1000000], got 0." },
        { "random", 1_000_001, "learning_rate: uniform 0.001 0.1", "run_cap must be in [1, 1000000], got 1000001." },
        { "random", 7, "d_model: categorical 8,16; seed: int_uniform 1 3", "run_cap (7) is more than the d_model (2) × seed (3) = 6 distinct points" },
        { "bayes", 9, "batch_size: q_uniform 8 64 q=8", "run_cap (9) is more than the batch_size (8) = 8 distinct points" },
        { "grid", 7, "d_model: categorical 8,16; seed: int_uniform 1 3", "run_cap (7) is more than the grid's d_model (2) × seed (3) = 6 points." },
        { "quadratic", 5, "learning_rate: uniform 0.001 0.1", "method must be one of grid, random, bayes, got 'quadratic'." },
    };

    [Theory]
    [MemberData(nameof(RefusedSpecs))]
    public void ASpaceTheMethodCannotSearchIsRefusedNamingWhy(string method, int? runCap, string parameters, string expected)
    {
        var spec = Base with { Method = method, RunCap = runCap, Parameters = [.. parameters.Split("; ").Select(Parameter)] };

        var error = Assert.Throws<ArgumentException>(() => SweepExpander.Validate(spec));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AGridOfMoreThanAMillionPointsIsRefusedNamingItsAxesWithoutListingThem()
    {
        var spec = Base with
        {
            Grid = [new("d_model", [8, 16, 32, 64]), new("learning_rate", [.. Enumerable.Range(1, 1000).Select(i => i * 1e-4)]), new("seed", [.. Enumerable.Range(1, 500).Select(i => (double)i)])],
        };
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ArgumentException>(() => SweepExpander.Validate(spec));

        Assert.Equal("the grid has d_model (4) × learning_rate (1000) × seed (500) = 2,000,000 points; at most 1,000,000 are allowed.", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"refusing took {clock.Elapsed}");
    }

    [Fact]
    public void GridAndParametersTogetherAreRefused()
    {
        var spec = Base with { Grid = [new("seed", [1, 2])], Parameters = [Parameter("d_model: categorical 8,16")] };

        var error = Assert.Throws<ArgumentException>(() => SweepExpander.Validate(spec));

        Assert.StartsWith("a spec gives grid or parameters, not both", error.Message);
    }

    [Theory]
    [InlineData(0, 3, 1, "hyperband", "early_terminate.min_iter must be at least 1, got 0.")]
    [InlineData(10, 1, 1, "hyperband", "early_terminate.eta must be at least 2, got 1.")]
    [InlineData(10, 3, 0, "hyperband", "early_terminate.s must be at least 1, got 0.")]
    [InlineData(10, 3, 1, "median", "early_terminate.type must be one of hyperband, got 'median'.")]
    public void EarlyTerminationOutOfBoundsIsRefusedNamingTheField(int minIter, int eta, int s, string type, string expected)
    {
        var spec = Base with { EarlyTerminate = new EarlyTerminateSpec { MinIter = minIter, Eta = eta, S = s, Type = type } };

        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => SweepExpander.Validate(spec)).Message);
    }

    [Theory]
    [InlineData("accuracy", "minimize", "metric.name must be one of eval_loss, train_loss, got 'accuracy'.")]
    [InlineData("eval_loss", "lower", "metric.goal must be one of minimize, maximize, got 'lower'.")]
    public void AnUnknownMetricOrGoalIsRefused(string name, string goal, string expected)
    {
        var spec = Base with { Metric = new MetricSpec { Name = name, Goal = goal } };

        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => SweepExpander.Validate(spec)).Message);
    }

    [Fact]
    public void AValidSpaceOfEveryKindPasses()
    {
        var spec = Base with
        {
            Method = "random", RunCap = 50, EarlyTerminate = new EarlyTerminateSpec { MinIter = 20 }, Training = Base.Training with { Steps = 100 },
            Parameters =
            [
                Parameter("learning_rate: log_uniform_values 0.0001 0.1"), Parameter("batch_size: q_uniform 8 64 q=8"),
                Parameter("d_model: categorical 8,16"), Parameter("seed: constant 1"), Parameter("weight_decay: log_normal mu=-3 sigma=1"),
                Parameter("warmup_steps: int_uniform 0 5"),
            ],
        };

        SweepExpander.Validate(spec);
        Assert.Equal(["learning_rate", "batch_size", "d_model", "seed", "weight_decay", "warmup_steps"], SweepExpander.Axes(spec));
    }

    // "name: kind min max q=… mu=… sigma=… p=…", or "name: categorical a,b" / "name: constant v".
    internal static ParameterSpec Parameter(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var p = new ParameterSpec { Name = words[0].TrimEnd(':'), Distribution = words.ElementAtOrDefault(1) ?? "" };
        var numbers = words.Skip(2).Where(w => !w.Contains('=')).ToList();
        double Number(string w) => w == "inf" ? double.PositiveInfinity : double.Parse(w, System.Globalization.CultureInfo.InvariantCulture);
        double? Named(string key) => words.FirstOrDefault(w => w.StartsWith(key + "=", StringComparison.Ordinal)) is { } w ? Number(w[(key.Length + 1)..]) : null;
        p = p.Distribution switch
        {
            "categorical" => p with { Values = [.. numbers[0].Split(',').Select(Number)] },
            "constant" => p with { Value = Number(numbers[0]) },
            _ => p with { Min = numbers.Count > 0 ? Number(numbers[0]) : null, Max = numbers.Count > 1 ? Number(numbers[1]) : null },
        };
        var probabilities = words.FirstOrDefault(w => w.StartsWith("p=", StringComparison.Ordinal));
        return p with
        {
            Q = Named("q"), Mu = Named("mu"), Sigma = Named("sigma"),
            Probabilities = probabilities is null ? [] : [.. probabilities[2..].Split(',').Select(Number)],
        };
    }
}
