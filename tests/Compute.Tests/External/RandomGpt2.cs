using System.Text.Json;

namespace OrleansSweep.Compute.Tests.External;

/// <summary>Small GPT-2 checkpoints with random weights, written as transformers' save_pretrained would lay them out.</summary>
internal static class RandomGpt2
{
    /// <summary>A GPT-2 shape; <paramref name="Inner"/> ≠ <paramref name="D"/> so a transposed Conv1D cannot go unnoticed.</summary>
    public sealed record Shape(int V, int T, int D, int Layers, int Heads, int Inner, double Epsilon);

    public static readonly Shape Small = new(V: 11, T: 6, D: 8, Layers: 2, Heads: 2, Inner: 32, Epsilon: 1e-5);

    /// <summary>
    /// Writes config.json and model.safetensors to <paramref name="directory"/> and returns the weights by unprefixed name, as
    /// the file stores them (so rounded to F16/BF16 where those dtypes were asked for); <paramref name="transposed"/> names a
    /// Conv1D weight to store (out, in), as torch's Linear would hold it.
    /// </summary>
    public static Dictionary<string, double[]> Write(string directory, Shape shape, int seed, string prefix = "transformer.",
        bool separateHead = false, string? f16 = null, string? bf16 = null, string? transposed = null)
    {
        var random = new Random(seed);
        var weights = new Dictionary<string, double[]>();
        var entries = new List<SafetensorsWriter.Entry>();
        void Add(string name, long[] shape, double scale, double offset = 0)
        {
            var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
            for (var i = 0; i < values.Length; i++) values[i] = (float)(offset + scale * Gaussian(random));
            if (name == transposed) shape = [shape[1], shape[0]];
            var stored = name == f16 ? SafetensorsWriter.F16(Stored(name), shape, values)
                : name == bf16 ? SafetensorsWriter.Bf16(Stored(name), shape, values)
                : SafetensorsWriter.F32(Stored(name), shape, values);
            weights[name] = name == f16 ? values.Select(v => (double)(float)(Half)v).ToArray()
                : name == bf16 ? values.Select(v => (double)BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(v) & unchecked((int)0xFFFF0000))).ToArray()
                : values.Select(v => (double)v).ToArray();
            entries.Add(stored);
        }
        string Stored(string name) => name == "lm_head.weight" ? name : prefix + name;

        long v = shape.V, d = shape.D, inner = shape.Inner;
        Add("wte.weight", [v, d], 0.5);
        Add("wpe.weight", [shape.T, d], 0.5);
        for (var l = 0; l < shape.Layers; l++)
        {
            var p = $"h.{l}.";
            Add(p + "ln_1.weight", [d], 0.2, 1);
            Add(p + "ln_1.bias", [d], 0.1);
            Add(p + "attn.c_attn.weight", [d, 3 * d], 0.5);
            Add(p + "attn.c_attn.bias", [3 * d], 0.1);
            Add(p + "attn.c_proj.weight", [d, d], 0.3);
            Add(p + "attn.c_proj.bias", [d], 0.1);
            Add(p + "ln_2.weight", [d], 0.2, 1);
            Add(p + "ln_2.bias", [d], 0.1);
            Add(p + "mlp.c_fc.weight", [d, inner], 0.5);
            Add(p + "mlp.c_fc.bias", [inner], 0.1);
            Add(p + "mlp.c_proj.weight", [inner, d], 0.3);
            Add(p + "mlp.c_proj.bias", [d], 0.1);
        }
        Add("ln_f.weight", [d], 0.2, 1);
        Add("ln_f.bias", [d], 0.1);
        if (separateHead) Add("lm_head.weight", [v, d], 0.5);

        Directory.CreateDirectory(directory);
        SafetensorsWriter.Write(Path.Combine(directory, "model.safetensors"), entries);
        WriteConfig(directory, shape);
        return weights;
    }

    /// <summary>config.json as transformers writes it for GPT-2, with <paramref name="overrides"/> replacing fields.</summary>
    public static void WriteConfig(string directory, Shape shape, Dictionary<string, object?>? overrides = null)
    {
        var config = new Dictionary<string, object?>
        {
            ["model_type"] = "gpt2", ["architectures"] = new[] { "GPT2LMHeadModel" }, ["vocab_size"] = shape.V,
            ["n_positions"] = shape.T, ["n_ctx"] = shape.T, ["n_embd"] = shape.D, ["n_layer"] = shape.Layers,
            ["n_head"] = shape.Heads, ["n_inner"] = shape.Inner == 4 * shape.D ? null : shape.Inner,
            ["activation_function"] = "gelu_new", ["layer_norm_epsilon"] = shape.Epsilon,
        };
        foreach (var (key, value) in overrides ?? []) config[key] = value;
        File.WriteAllText(Path.Combine(directory, "config.json"), JsonSerializer.Serialize(config));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
