using OrleansSweep.Compute.Arithmetic;
using OrleansSweep.Compute.Probes;
using TorchSharp.Modules;

namespace OrleansSweep.Compute.Models;

/// <summary>A GPT decoder: token and learned position embeddings, pre-LN blocks, final LayerNorm, LM head.</summary>
public sealed class Gpt : nn.Module<Tensor, Tensor>, IProbedModel
{
    private readonly Embedding wte;
    private readonly Embedding wpe;
    private readonly SeededDropout drop;
    private readonly ModuleList<Block> h;
    private readonly LayerNorm ln_f;
    private readonly LmHead head;

    public GptConfig Config { get; }

    /// <summary>
    /// Builds the model with weights drawn from <paramref name="generator"/> alone, so a seed fixes them; dropout masks come
    /// from it too.
    /// </summary>
    public Gpt(GptConfig config, Generator generator) : base(nameof(Gpt))
    {
        config.Validate();
        Config = config;
        wte = nn.Embedding(config.VocabularySize, config.DModel);
        wpe = nn.Embedding(config.ContextLength, config.DModel);
        drop = new SeededDropout(config.Dropout, generator);
        h = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => new Block(config, generator)).ToArray());
        ln_f = nn.LayerNorm(config.DModel);
        head = config switch
        {
            { TiedHead: true } => new FullRankHead(() => wte.weight!),
            { FactorizedRank: { } r } => new FactorizedHead(config.VocabularySize, r, config.DModel),
            _ => new FullRankHead(config.VocabularySize, config.DModel),
        };
        RegisterComponents();
        Initialize(generator);
    }

    /// <summary>The LM head, for probes.</summary>
    public LmHead Head => head;

    int IProbedModel.VocabularySize => Config.VocabularySize;

    int IProbedModel.ContextLength => Config.ContextLength;

    int IProbedModel.Layers => Config.Layers;

    Tensor IProbedModel.HeadWeight() => head.Weight();

    IDisposable IProbedModel.Evaluating() => new EvaluationMode(this);

    /// <summary>Token ids (B, T) to logits (B, T, V).</summary>
    public override Tensor forward(Tensor tokens) => head.call(FinalHidden(tokens));

    /// <summary>Token ids (B, T) to the head's input h (B, T, d), after the final LayerNorm.</summary>
    public Tensor FinalHidden(Tensor tokens) => HiddenStates(tokens)[^1];

    /// <summary>
    /// Every residual-stream state (B, T, d) for the anisotropy probe: [embedding output, block 1 … block L, final LayerNorm].
    /// The forward pass itself, so probes measure exactly what the head sees.
    /// </summary>
    public IReadOnlyList<Tensor> HiddenStates(Tensor tokens)
    {
        var t = tokens.shape[1];
        var positions = HeldScalars.Positions(t, tokens.device); // (T)
        var states = new List<Tensor>(h.Count + 2) { drop.call(wte.call(tokens).Plus(wpe.call(positions))) }; // (B, T, d)
        foreach (var block in h) states.Add(block.call(states[^1]));
        states.Add(ln_f.call(states[^1]));
        return states;
    }

    // GPT-2's scheme (as nanoGPT): N(0, 0.02) weights, zero biases, residual projections scaled by 1/sqrt(2L). A factorised
    // head keeps its own §8 init, drawn last, as the full head's is: the body then starts the same whatever the head's rank.
    private void Initialize(Generator generator)
    {
        using var noGrad = no_grad();
        var residualStd = 0.02 / Math.Sqrt(2.0 * Math.Max(1, Config.Layers));
        var factorized = head as FactorizedHead;
        foreach (var (name, parameter) in named_parameters())
        {
            if (factorized is not null && name.StartsWith("head.")) continue;
            if (name.EndsWith("bias")) nn.init.zeros_(parameter);
            else if (name.Contains("ln_")) nn.init.ones_(parameter);
            // Tensor.normal_, not nn.init.normal_: in TorchSharp 0.107 the latter ignores its generator argument.
            else parameter.normal_(0, name.EndsWith("c_proj.weight") ? residualStd : 0.02, generator);
        }
        factorized?.Initialize(generator);
    }
}
