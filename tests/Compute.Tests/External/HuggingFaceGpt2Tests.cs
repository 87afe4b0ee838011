using OrleansSweep.Compute.External;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.External;

public sealed class HuggingFaceGpt2Tests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public static TheoryData<string, bool, string?, string?, int, double> Layouts => new()
    {
        // save_pretrained of GPT2LMHeadModel: prefixed names, head tied to wte; one tensor stored as F16.
        { "transformer.", false, "h.1.mlp.c_fc.weight", null, 32, 1e-5 },
        // GPT2Model names without prefix, a separate lm_head, a BF16 tensor, n_inner ≠ 4·d and a large ε that must be read.
        { "", true, null, "h.0.attn.c_attn.weight", 24, 0.1 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void HiddenStatesAndLogitsMatchANaiveDoublePrecisionGpt2(string prefix, bool separateHead, string? f16, string? bf16, int inner, double epsilon)
    {
        var shape = RandomGpt2.Small with { Inner = inner, Epsilon = epsilon };
        var weights = RandomGpt2.Write(folder.Path, shape, seed: 11, prefix, separateHead, f16, bf16);
        int[][] sequences = [[3, 0, 10, 7, 7, 1], [5, 9, 2, 4, 8, 6]];
        using var model = HuggingFaceGpt2.Load(folder.Path, CPU);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var input = tensor(sequences.SelectMany(s => s.Select(t => (long)t)).ToArray(), [2, shape.T]);
        var states = model.HiddenStates(input);
        var logits = model.Logits(input);

        Assert.Equal(!separateHead, model.TiedHead);
        Assert.Equal(shape.Layers + 2, states.Count);
        for (var b = 0; b < sequences.Length; b++)
        {
            var (expectedStates, expectedLogits) = new NaiveGpt2(weights, shape).Forward(sequences[b]);
            for (var l = 0; l < states.Count; l++) AssertClose(expectedStates[l], states[l][b], $"state {l} of sequence {b}");
            AssertClose(expectedLogits, logits[b], $"logits of sequence {b}");
        }
    }

    [Fact]
    public void AConv1DStoredAsALinearOutByInIsRefusedNamingTheTensor()
    {
        var shape = RandomGpt2.Small;
        RandomGpt2.Write(folder.Path, shape, seed: 1, transposed: "h.0.mlp.c_fc.weight");
        var d = shape.D;

        var error = Assert.Throws<CorruptCheckpointException>(() => Load(folder.Path));

        Assert.Contains("h.0.mlp.c_fc.weight", error.Message);
        Assert.Contains($"[{shape.Inner}, {d}]", error.Message);
    }

    [Fact]
    public void AMissingTensorIsNamed()
    {
        var shape = RandomGpt2.Small with { Layers = 1 };
        RandomGpt2.Write(folder.Path, shape, seed: 1);
        RandomGpt2.WriteConfig(folder.Path, shape with { Layers = 2 });

        var error = Assert.Throws<CorruptCheckpointException>(() => Load(folder.Path));

        Assert.Contains("'transformer.h.1.ln_1.weight'", error.Message);
    }

    [Theory]
    [InlineData("activation_function", "gelu")]
    [InlineData("scale_attn_by_inverse_layer_idx", true)]
    public void AVariantThisForwardDoesNotComputeIsRefusedNamingTheField(string field, object value)
    {
        RandomGpt2.Write(folder.Path, RandomGpt2.Small, seed: 1);
        RandomGpt2.WriteConfig(folder.Path, RandomGpt2.Small, new() { [field] = value });

        var error = Assert.Throws<ArgumentException>(() => Load(folder.Path));

        Assert.Contains(field, error.Message);
        Assert.Contains("config.json", error.Message);
    }

    public void Dispose() => folder.Dispose();

    private static void Load(string directory) => HuggingFaceGpt2.Load(directory, CPU).Dispose();

    private static void AssertClose(double[,] expected, Tensor actual, string what)
    {
        var values = actual.to(float64).data<double>().ToArray();
        var columns = expected.GetLength(1);
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var e = expected[i / columns, i % columns];
            // float32 against double: a few ulps of values of order 1, accumulated over a few layers.
            Assert.True(Math.Abs(e - values[i]) <= 1e-4 * (1 + Math.Abs(e)), $"{what} [{i / columns}, {i % columns}]: expected {e}, got {values[i]}");
        }
    }
}
