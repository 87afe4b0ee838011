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
}
