using OrleansSweep.Abstractions;
using OrleansSweep.Client.Specs;
using OrleansSweep.Grains.Sweeps;

namespace OrleansSweep.EndToEnd.Tests.Specs;

/// <summary>W&amp;B's sweep keys in our YAML: method, run_cap, search_seed, metric, parameters and early_terminate.</summary>
public sealed class SearchSpecYamlTests
{
    [Fact]
    public void TheIssuesWandbStyleSpecReadsAndValidates()
    {
        var spec = SweepSpecYaml.Parse("""
            name: searched
            program: train.py
            project: scaling
            entity: me
            description: a W&B file with our sections added
            command: [python, train.py]
            method: random
            run_cap: 500
            search_seed: 7
            metric: {name: eval_loss, goal: minimize}
            parameters:
              learning_rate: {distribution: log_uniform_values, min: 1.0e-4, max: 1.0e-1}
              d_model: {values: [16, 32, 64, 128]}
              batch_size: {distribution: q_uniform, min: 8, max: 64, q: 8}
              seed: {value: 1}
            early_terminate: {type: hyperband, min_iter: 100, eta: 3}
            """);

        Assert.Equal(("random", 500, 7), (spec.Method, spec.RunCap, spec.SearchSeed));
        Assert.Equal(new MetricSpec(), spec.Metric);
        Assert.Equal(new EarlyTerminateSpec { MinIter = 100, Eta = 3, S = 1 }, spec.EarlyTerminate);
        Assert.Equal(["learning_rate", "d_model", "batch_size", "seed"], spec.Parameters.Select(p => p.Name));
        Assert.Equal(["log_uniform_values", "categorical", "q_uniform", "constant"], spec.Parameters.Select(p => p.Distribution));
        Assert.Equal([16.0, 32, 64, 128], spec.Parameters[1].Values);
        Assert.Equal((8.0, 64.0, 8.0), (spec.Parameters[2].Min!.Value, spec.Parameters[2].Max!.Value, spec.Parameters[2].Q!.Value));
        SweepExpander.Validate(spec);
        Assert.Equal(500, SweepExpander.Runs(spec).Count());
    }

    [Theory]
    [InlineData("{distribution: uniform, min: 0.001, max: 0.1}", "uniform")]
    [InlineData("{min: 0.001, max: 0.1}", "uniform")]
    [InlineData("{distribution: log_uniform_values, min: 0.001, max: 0.1}", "log_uniform_values")]
    [InlineData("{distribution: q_uniform, min: 0.01, max: 0.1, q: 0.01}", "q_uniform")]
    [InlineData("{distribution: q_log_uniform_values, min: 0.01, max: 0.1, q: 0.01}", "q_log_uniform_values")]
    [InlineData("{distribution: normal, mu: 0.01, sigma: 0.002}", "normal")]
    [InlineData("{mu: 0.01, sigma: 0.002}", "normal")]
    [InlineData("{distribution: log_normal, mu: -5, sigma: 1}", "log_normal")]
    [InlineData("{distribution: categorical, values: [0.01, 0.02], probabilities: [0.25, 0.75]}", "categorical")]
    [InlineData("{values: [0.01, 0.02]}", "categorical")]
    [InlineData("{value: 0.01}", "constant")]
    [InlineData("{distribution: constant, value: 0.01}", "constant")]
    [InlineData("{distribution: int_uniform, min: 1, max: 3}", "int_uniform")]
    [InlineData("{min: 1, max: 3}", "int_uniform")]
    public void EveryDistributionIsReadAndLeftOutOnesAreInferredAsWandbDoes(string parameter, string distribution)
    {
        var spec = SweepSpecYaml.Parse($"name: d\nmethod: random\nrun_cap: 1\nparameters:\n  learning_rate: {parameter}\n");

        Assert.Equal(distribution, Assert.Single(spec.Parameters).Distribution);
        Assert.Single(SweepExpander.Expand(spec));
    }

    [Fact]
    public void ProbabilitiesAndBoundsAreReadAsGiven()
    {
        var p = Assert.Single(SweepSpecYaml.Parse("name: d\nparameters:\n  learning_rate: {values: [0.01, 0.02], probabilities: [0.25, 0.75]}\n").Parameters);
        var n = Assert.Single(SweepSpecYaml.Parse("name: d\nparameters:\n  learning_rate: {distribution: log_normal, mu: -5, sigma: 0.5}\n").Parameters);

        Assert.Equal([0.01, 0.02], p.Values);
        Assert.Equal([0.25, 0.75], p.Probabilities);
        Assert.Equal((-5.0, 0.5), (n.Mu!.Value, n.Sigma!.Value));
    }

    [Fact]
    public void AGridFromParametersExpandsAsTheSameGridDoes()
    {
        var parameters = SweepSpecYaml.Parse("name: g\nparameters:\n  d_model: {values: [8, 16]}\n  seed: {min: 1, max: 3}\n");
        var grid = SweepSpecYaml.Parse("name: g\ngrid:\n  d_model: [8, 16]\n  seed: [1, 2, 3]\n");

        Assert.Equal(SweepExpander.Expand(grid).Select(r => r.RunId), SweepExpander.Expand(parameters).Select(r => r.RunId));
        Assert.Equal("grid", parameters.Method);
    }

    [Theory]
    [InlineData("parameters:\n  lerning_rate: {value: 0.1}\n", "spec line 3: parameters has no field 'lerning_rate'; did you mean 'learning_rate'?")]
    [InlineData("parameters:\n  learning_rate: {distribution: log_unifrom_values, min: 0.1, max: 1}\n", "spec line 3: parameters.learning_rate has no distribution 'log_unifrom_values'; did you mean 'log_uniform_values'?")]
    [InlineData("parameters:\n  learning_rate: {distribution: log_uniform, min: -7, max: -2}\n", "spec line 3: parameters.learning_rate: distribution 'log_uniform' is not offered; use log_uniform_values, with min and max as the values themselves (W&B's log_uniform takes their natural logarithms).")]
    [InlineData("parameters:\n  learning_rate: {vaules: [0.1]}\n", "spec line 3: parameters.learning_rate has no key 'vaules'; did you mean 'values'?")]
    [InlineData("parameters:\n  learning_rate: {min: 0.1, max: 0.01}\n", "spec line 3: parameters.learning_rate: min (0.1) must be below max (0.01).")]
    [InlineData("parameters:\n  d_model: {min: 8.0, max: 64.0}\n", "spec line 3: parameters.d_model: uniform gives fractions, but model.d_model is an integer; use int_uniform, values, or a q distribution with integer min, max and q.")]
    [InlineData("parameters:\n  d_model: {values: [8, big]}\n", "spec line 3: parameters.d_model.values must be a number, got 'big'.")]
    [InlineData("parameters:\n  d_model: [8, 16]\n", "spec line 3: parameters.d_model must be a mapping such as {values: [16, 32]} or {distribution: uniform, min: 0, max: 1}.")]
    [InlineData("grid:\n  seed: [1]\nparameters:\n  d_model: {value: 8}\n", "spec line 4: a spec gives grid or parameters, not both: parameters is W&B's form of the same search space.")]
    [InlineData("early_terminate:\n  type: hyperband\n", "spec line 2: early_terminate.min_iter must be given: the first rung, in training steps.")]
    [InlineData("early_terminate: {min_iter: 10, eta: 1}\n", "spec line 2: early_terminate.eta must be at least 2, got 1.")]
    [InlineData("metric: {name: accuracy}\n", "spec line 2: metric.name must be one of eval_loss, train_loss, got 'accuracy'.")]
    [InlineData("method: annealing\n", "spec line 2: method must be one of grid, random, bayes, got 'annealing'.")]
    public void EachSearchProblemIsOneSentenceWithItsLineNamingTheParameter(string yaml, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SweepSpecYaml.Parse("name: x\n" + yaml));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void AnEmptySectionSetsNothing()
    {
        var spec = SweepSpecYaml.Parse("name: x\nearly_terminate:\nmodel:\n");

        Assert.Null(spec.EarlyTerminate);
        Assert.Equal(new ModelSpec(), spec.Model);
    }
}
