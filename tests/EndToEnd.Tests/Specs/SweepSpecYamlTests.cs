using OrleansSweep.Abstractions;
using OrleansSweep.Client.Specs;

namespace OrleansSweep.EndToEnd.Tests.Specs;

public sealed class SweepSpecYamlTests
{
    [Fact]
    public void ProbeAndAnalysisSectionsAreRead()
    {
        var spec = SweepSpecYaml.Parse("""
            name: probed
            probes:
              every: 50
              log_spaced: false
              positions: 512
              kinds: [anisotropy, head_spectrum]
              seed: 3
            analysis:
              ngram_order: 3
              ngram_min_count: 2
              fit_d_models: [16, 32, 64]
            """);

        Assert.Equal(50, spec.Probes.Every);
        Assert.False(spec.Probes.LogSpaced);
        Assert.Equal(512, spec.Probes.Positions);
        Assert.Equal(["anisotropy", "head_spectrum"], spec.Probes.Kinds);
        Assert.Equal(3, spec.Probes.Seed);
        Assert.Equal(3, spec.Analysis.NgramOrder);
        Assert.Equal(2, spec.Analysis.NgramMinCount);
        Assert.Equal([16, 32, 64], spec.Analysis.FitDModels);
    }

    [Fact]
    public void WithoutThoseSectionsEveryProbeRunsOnTheDefaultCadence()
    {
        var spec = SweepSpecYaml.Parse("name: plain");

        Assert.Equal(ProbeKinds.All, spec.Probes.Kinds);
        Assert.Equal(100, spec.Probes.Every);
        Assert.Equal(2, spec.Analysis.NgramOrder);
    }

    [Fact]
    public void AnUnknownProbeFieldIsNamedWithItsLine()
    {
        var error = Assert.Throws<ArgumentException>(() => SweepSpecYaml.Parse("name: x\nprobes:\n  evry: 5\n"));

        Assert.Contains("line 3", error.Message);
        Assert.Contains("evry", error.Message);
    }

    [Fact]
    public void ReliabilityFieldsAreReadAndDefaultToThreeEach()
    {
        var spec = SweepSpecYaml.Parse("name: kept\nmax_failures: 5\nkeep_checkpoints: 2\n");
        var plain = SweepSpecYaml.Parse("name: plain");

        Assert.Equal((5, 2), (spec.MaxFailures, spec.KeepCheckpoints));
        Assert.Equal((3, 3), (plain.MaxFailures, plain.KeepCheckpoints));
    }

    [Fact]
    public void AMisspelledFieldIsNamedInTheUsersWordsWithItsLineAndTheNearestName()
    {
        var yaml = "name: typo\ncorpus:\n  vocabulary: 32\nmodel:\n  d_model: 8\ntraining:\n  stesp: 10\n";

        var error = Assert.Throws<ArgumentException>(() => SweepSpecYaml.Parse(yaml));

        Assert.Equal("spec line 7: training has no field 'stesp'; did you mean 'steps'?", error.Message);
    }

    [Theory]
    [InlineData("name: x\nname: y\n", "spec line 2: 'name' is given twice.")]
    [InlineData("name: x\ntraining:\n  steps: 5\n  steps: 6\n", "spec line 4: 'steps' is given twice.")]
    [InlineData("name: x\ntraining:\n  steps: ten\n", "spec line 3: training.steps must be an integer (up to 2147483647), got 'ten'.")]
    [InlineData("name: x\ntraining:\n  learning_rate: .nan\n", "spec line 3: training.learning_rate must be positive, got NaN.")]
    [InlineData("name: x\ntraining:\n  learning_rate: -0.1\n", "spec line 3: training.learning_rate must be positive, got -0.1.")]
    [InlineData("name: x\ntraining: 5\n", "spec line 2: training must be a mapping of its fields, one per line.")]
    [InlineData("name: x\ngrid:\n  d_modle: [8]\n", "spec line 3: grid has no axis 'd_modle'; did you mean 'd_model'?")]
    [InlineData("name: x\ngrid:\n  d_model: [8, 0]\n", "spec line 3: grid.d_model: model.d_model must be at least 1, got 0.")]
    [InlineData("name: x\nflavour: 3\n", "spec line 2: the spec has no field 'flavour'; use one of name, max_concurrent, max_failures, keep_checkpoints, method, run_cap, search_seed, corpus, model, training, probes, analysis, metric, early_terminate, grid, parameters.")]
    public void EachProblemIsOneSentenceWithItsLine(string yaml, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SweepSpecYaml.Parse(yaml));

        Assert.Equal(expected, error.Message);
    }
}

