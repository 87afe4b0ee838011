using System.Text.Json;
using OrleansSweep.Compute.External;
using OrleansSweep.Compute.Tests.Probes;

namespace OrleansSweep.Compute.Tests.External;

public sealed class GptNeoXHeadTests : IDisposable
{
    private static readonly double[] Chosen = [5, 3, 2, 1, 0.5, 0.25];
    private readonly TemporaryDirectory folder = new();

    public GptNeoXHeadTests()
    {
        // A Pythia-like directory: config.json with model_type gpt_neox, the embedding and an untied embed_out of known spectrum.
        int v = 40, d = Chosen.Length;
        float[] head;
        using (var generator = new Generator(8))
        using (var w = ProbeFixtures.WithSingularValues(v, Chosen, generator))
            head = w.to(float32).data<float>().ToArray();
        SafetensorsWriter.Write(Path.Combine(folder.Path, "model.safetensors"),
        [
            SafetensorsWriter.F32("gpt_neox.embed_in.weight", [v, d], new float[v * d]),
            SafetensorsWriter.F32("embed_out.weight", [v, d], head),
        ]);
        File.WriteAllText(Path.Combine(folder.Path, "config.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model_type"] = "gpt_neox", ["vocab_size"] = v, ["hidden_size"] = d, ["num_hidden_layers"] = 2,
            ["num_attention_heads"] = 2, ["max_position_embeddings"] = 16, ["rotary_pct"] = 0.25,
        }));
    }

    [Fact]
    public void TheHeadProbesRecoverTheChosenSpectrumOfEmbedOut()
    {
        var report = CheckpointProbe.Run(folder.Path, CPU);

        Assert.Equal(CheckpointFormat.GptNeoX, report.Format);
        Assert.Equal((40, 6, 2, 16), (report.VocabularySize, report.DModel, report.Layers, report.ContextLength));
        Assert.Equal(Chosen.Length, report.Head.Singular.Length);
        for (var i = 0; i < Chosen.Length; i++) Assert.Equal(Chosen[i], report.Head.Singular[i], 1e-5 * Chosen[0]);
        // Independent arithmetic on the chosen σ: KL(p‖U) and the Eckart–Young tails.
        var p = Chosen.Select(s => s / Chosen.Sum()).ToArray();
        Assert.Equal(Math.Log(Chosen.Length) + p.Sum(x => x * Math.Log(x)), report.Head.SingularEntropy, 5);
        var total = Chosen.Sum(s => s * s);
        Assert.Equal(Math.Sqrt((1 + 0.25 + 0.0625) / total), report.Head.WError[3], 5);
        // W-error(r): 0.603 (r=1), 0.368 (2), 0.183 (3), 0.089 (4) → first ≤ 0.5 at 2, ≤ 0.2 at 3, ≤ 0.1 at 4.
        Assert.Equal([2, 3, 4], report.Ranks.Select(r => r.Rank));
        Assert.Null(report.Anisotropy);
    }

    [Fact]
    public void TokensAskForAForwardThatIsNotComputedAndSaySo()
    {
        var error = Assert.Throws<ArgumentException>(() => CheckpointProbe.Run(folder.Path, CPU, [1, 2, 3]));

        Assert.Contains("gpt_neox", error.Message);
        Assert.Contains("without tokens", error.Message);
    }

    public void Dispose() => folder.Dispose();
}
