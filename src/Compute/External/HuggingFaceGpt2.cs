using OrleansSweep.Compute.Arithmetic;
using OrleansSweep.Compute.Probes;

namespace OrleansSweep.Compute.External;

/// <summary>
/// A Hugging Face GPT-2 checkpoint (config.json + model.safetensors), computed exactly as transformers' GPT2LMHeadModel in
/// eval mode: token + learned position embeddings, pre-LN blocks, final LayerNorm, then the head: lm_head.weight when stored
/// apart, else the token embedding (tied). Read-only: no dropout, no gradients.
/// </summary>
public sealed class HuggingFaceGpt2 : IProbedModel, IDisposable
{
    private readonly Tensor wte;
    private readonly Tensor wpe;
    private readonly Gpt2Block[] blocks;
    private readonly Tensor lnFWeight;
    private readonly Tensor lnFBias;
    private readonly Tensor? lmHead;

    private HuggingFaceGpt2(Gpt2Config config, SafetensorsFile weights, Device device)
    {
        Config = config;
        // save_pretrained writes GPT2LMHeadModel's names ("transformer.wte.weight"), GPT2Model's have no prefix.
        var prefix = weights.Contains("transformer.wte.weight") ? "transformer." : "";
        Tensor Read(string name, long[] shape) => weights.ReadFloat32(prefix + name, shape, device);
        long v = config.VocabularySize, d = config.DModel;
        wte = Read("wte.weight", [v, d]);
        wpe = Read("wpe.weight", [config.ContextLength, d]);
        blocks = Enumerable.Range(0, config.Layers).Select(i => new Gpt2Block(config, i, Read)).ToArray();
        lnFWeight = Read("ln_f.weight", [d]);
        lnFBias = Read("ln_f.bias", [d]);
        lmHead = weights.Contains("lm_head.weight") ? weights.ReadFloat32("lm_head.weight", [v, d], device) : null;
    }

    /// <summary>The checkpoint's shape.</summary>
    public Gpt2Config Config { get; }

    /// <summary>True when the head is the token embedding (no separate lm_head.weight stored).</summary>
    public bool TiedHead => lmHead is null;

    public int VocabularySize => Config.VocabularySize;

    public int ContextLength => Config.ContextLength;

    public int Layers => Config.Layers;

    /// <summary>Loads <paramref name="directory"/> onto <paramref name="device"/>, float32 whatever the stored dtype.</summary>
    public static HuggingFaceGpt2 Load(string directory, Device device) => Load(HuggingFaceDirectory.Open(directory), device);

    /// <summary>Loads an opened directory onto <paramref name="device"/>.</summary>
    public static HuggingFaceGpt2 Load(HuggingFaceDirectory directory, Device device)
    {
        var config = Gpt2Config.From(directory);
        using var weights = directory.OpenWeights();
        return new HuggingFaceGpt2(config, weights, device);
    }

    /// <summary>Token ids (B, T) to logits (B, T, V).</summary>
    public Tensor Logits(Tensor tokens) => nn.functional.linear(HiddenStates(tokens)[^1], HeadWeight());

    /// <inheritdoc />
    public IReadOnlyList<Tensor> HiddenStates(Tensor tokens)
    {
        var t = tokens.shape[1];
        if (t > ContextLength) throw new ArgumentException($"the input has {t} positions, more than the model's context length {ContextLength}.");
        var positions = HeldScalars.Positions(t, tokens.device); // (T)
        var embedded = wte.index_select(0, tokens.flatten()).view(tokens.shape[0], t, Config.DModel); // (B, T, d)
        var states = new List<Tensor>(blocks.Length + 2) { embedded.Plus(wpe.index_select(0, positions)) }; // (B, T, d)
        foreach (var block in blocks) states.Add(block.Forward(states[^1]));
        states.Add(Gpt2Block.LayerNorm(states[^1], lnFWeight, lnFBias, Config.LayerNormEpsilon));
        return states;
    }

    /// <inheritdoc />
    public Tensor HeadWeight() => lmHead ?? wte;

    /// <summary>No gradients until disposed; there is no training mode to leave.</summary>
    public IDisposable Evaluating() => no_grad();

    public void Dispose()
    {
        foreach (var block in blocks) block.Dispose();
        foreach (var t in new[] { wte, wpe, lnFWeight, lnFBias }) t.Dispose();
        lmHead?.Dispose();
    }
}
