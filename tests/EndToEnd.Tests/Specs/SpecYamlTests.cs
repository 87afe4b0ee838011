using OrleansSweep.Abstractions;
using OrleansSweep.Client.Specs;

namespace OrleansSweep.EndToEnd.Tests.Specs;

/// <summary>The YAML the end-to-end tests launch with says the same spec as the records they build it from.</summary>
public sealed class SpecYamlTests
{
    public static TheoryData<string> Specs => [.. Examples.Keys];

    private static readonly Dictionary<string, SweepSpec> Examples = new()
    {
        ["defaults"] = new SweepSpec { Name = "defaults" },
        ["tiny"] = TinySweeps.Create("tiny", 40, [new GridAxis("d_model", [4, 8]), new GridAxis("learning_rate", [1e-2, 3.3e-4, 1e-6])]),
        ["every section"] = TinySweeps.Create("every.section_1", 60, [new GridAxis("head_rank", [2, 4])], maxConcurrent: 3) with
        {
            MaxFailures = 5,
            KeepCheckpoints = 2,
            Corpus = TinySweeps.Corpus with { Kind = "hmm", Beta = 0.1 + 0.2, EmissionConcentration = 1.5, Seed = -7, EstimateTokens = 4096 },
            Model = TinySweeps.Model with { MlpRatio = 2, Dropout = 0.1, HeadRank = 3 },
            Training = TinySweeps.Training(60) with { MinLearningRateRatio = 0, WeightDecay = 0, GradientClip = 0.5, LogEvery = 3, Seed = 9 },
            Probes = TinySweeps.Probes with { LogSpaced = false, Kinds = [ProbeKinds.HeadSpectrum, ProbeKinds.Anisotropy], Seed = 4 },
            Analysis = new AnalysisSpec { NgramOrder = 0, NgramMinCount = 1, FitDModels = [8, 16] },
        },
        ["text"] = new SweepSpec
        {
            Name = "text",
            Corpus = new CorpusSpec { Kind = "text", Path = "/data/it's here: #1.jsonl", Tokenizer = "gpt2", TextField = "body" },
            Model = new ModelSpec { TiedHead = true },
        },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void ASpecReadBackFromItsYamlIsTheSameSpec(string example)
    {
        var spec = Examples[example];

        var read = SweepSpecYaml.Parse(SpecYaml.Of(spec));

        // Records compare their lists by reference; their JSON compares them by value.
        Assert.Equal(JsonSerializer.Serialize(spec), JsonSerializer.Serialize(read));
    }

    [Fact]
    public void OnlyFieldsThatDifferFromTheDefaultsAreWritten()
    {
        var yaml = SpecYaml.Of(new SweepSpec { Name = "small", Training = new TrainingSpec { Steps = 7 }, Probes = new ProbeSpec { Kinds = [] } });

        Assert.Equal("name: 'small'\ntraining:\n  steps: 7\nprobes:\n  kinds: []\n", yaml);
    }
}
