using static OrleansSweep.Abstractions.SpecFieldType;

namespace OrleansSweep.Abstractions;

/// <summary>
/// Every field of a sweep spec, in the order the README lists them: one name per setting from the YAML to the error message,
/// one set of bounds. The defaults are the spec records' own (<see cref="SweepSpec"/>, <see cref="ModelSpec"/>, …).
/// </summary>
public static class SpecFields
{
    private static readonly string[] Languages = ["low-rank-markov", "hmm"];
    private static readonly string[] Sampled = ["low-rank-markov", "hmm", "repeat"];
    private static readonly string[] Text = ["text"];

    /// <summary>The sections a spec may have besides its top-level fields and its search space (grid or parameters).</summary>
    public static readonly IReadOnlyList<string> Sections = ["corpus", "model", "training", "probes", "analysis", "metric", "early_terminate"];

    /// <summary>Keys of a W&amp;B sweep file that mean nothing here; they are read and ignored, so a W&amp;B file needs only our sections added.</summary>
    public static readonly IReadOnlyList<string> IgnoredKeys = ["program", "command", "project", "entity", "description"];

    /// <summary>How a sweep picks its runs.</summary>
    public static readonly IReadOnlyList<string> Methods = ["grid", "random", "bayes"];

    /// <summary>The most runs one sweep may have: its grid's points or its run_cap.</summary>
    public const int MaxRuns = 1_000_000;

    /// <summary>The corpus kinds a spec may name; each is one type in the silo's corpus registry.</summary>
    public static readonly IReadOnlyList<string> CorpusKinds = ["low-rank-markov", "hmm", "repeat", "text"];

    /// <summary>The tokenizers a text corpus may name (r50k is another name for gpt2).</summary>
    public static readonly IReadOnlyList<string> Tokenizers = ["bytes", "gpt2", "r50k", "cl100k"];

    public static readonly IReadOnlyList<SpecField> All =
    [
        Top("name", SpecFieldType.Text, s => s.Name, (s, v) => s with { Name = (string)v! },
            "The sweep id: launching the same spec again changes nothing.") with
            { Pattern = ("^[A-Za-z0-9._-]{1,64}$", "1-64 letters, digits, '-', '_' or '.'") },
        Top("max_concurrent", Integer, s => s.MaxConcurrent, (s, v) => s with { MaxConcurrent = (int)v! },
            "Runs of this sweep training at once (`max-concurrent` changes it later).") with { Min = 1 },
        Top("max_failures", Integer, s => s.MaxFailures, (s, v) => s with { MaxFailures = (int)v! },
            "Exceptions in training a run may hit, each retried from its checkpoint; lost silos do not count.") with { Min = 1 },
        Top("keep_checkpoints", Integer, s => s.KeepCheckpoints, (s, v) => s with { KeepCheckpoints = (int)v! },
            "Newest checkpoints each run keeps besides every probe step's; 2 or more, so a corrupt newest one leaves one to resume from.") with { Min = 2 },
        Top("method", SpecFieldType.Text, s => s.Method, (s, v) => s with { Method = (string)v! },
            "grid: every point of grid or of parameters' listed values; random: run_cap draws of parameters; bayes: run_cap runs proposed by TPE as results come in.") with
            { Choices = Methods },
        Top("run_cap", Integer, s => s.RunCap, (s, v) => s with { RunCap = (int?)v },
            "random and bayes: the number of runs (required); grid: only the first run_cap points, last axis fastest.") with
            { Min = 1, Max = MaxRuns, Optional = true },
        Top("search_seed", Integer, s => s.SearchSeed, (s, v) => s with { SearchSeed = (int)v! },
            "Seeds the random and bayes draws: the same spec gives the same runs, and a larger run_cap adds runs after them."),

        Corpus("kind", SpecFieldType.Text, c => c.Kind, (c, v) => c with { Kind = (string)v! },
            "Where the tokens come from (SCIENCE.md §10–12, or text).") with { Choices = CorpusKinds },
        Corpus("vocabulary", Integer, c => c.Vocabulary, (c, v) => c with { Vocabulary = (int)v! },
            "V, the number of tokens.") with { Min = 2, Kinds = Sampled },
        Corpus("rank", Integer, c => c.Rank, (c, v) => c with { Rank = (int)v! },
            "R, hidden states; the probability matrix has rank at most R (at most V for low-rank-markov).") with { Min = 1, Kinds = Languages },
        Corpus("beta", Number, c => c.Beta, (c, v) => c with { Beta = (double)v! },
            "β, the inverse temperature of the hidden-state transitions.") with { Min = 0, MinExclusive = true, Kinds = Languages },
        Corpus("emission_concentration", Number, c => c.EmissionConcentration, (c, v) => c with { EmissionConcentration = (double)v! },
            "α_E, the Dirichlet concentration of each state's emissions.") with { Min = 0, MinExclusive = true, Kinds = Languages },
        Corpus("seed", Integer, c => c.Seed, (c, v) => c with { Seed = (int)v! },
            "Fixes the language and its samples.") with { Kinds = Sampled },
        Corpus("train_tokens", Integer, c => c.TrainTokens, (c, v) => c with { TrainTokens = (int)v! },
            "Tokens sampled for training.") with { Min = 2, Kinds = Sampled },
        Corpus("held_out_tokens", Integer, c => c.HeldOutTokens, (c, v) => c with { HeldOutTokens = (int)v! },
            "Tokens sampled for the held-out set.") with { Min = 2, Kinds = Sampled },
        Corpus("estimate_tokens", Integer, c => c.EstimateTokens, (c, v) => c with { EstimateTokens = (int)v! },
            "Tokens of the independent sample on which the forward algorithm estimates the entropy rate.") with { Min = 1024, Kinds = ["hmm"] },
        Corpus("sequence_length", Integer, c => c.SequenceLength, (c, v) => c with { SequenceLength = (int)v! },
            "L, the length of each sequence of one repeated token; model.context must be a multiple of it.") with { Min = 2, Kinds = ["repeat"] },
        Corpus("path", SpecFieldType.Text, c => c.Path, (c, v) => c with { Path = (string?)v },
            "A .txt or .jsonl file or a folder of them (or give name instead).") with { Optional = true, Kinds = Text },
        Corpus("name", SpecFieldType.Text, c => c.Name, (c, v) => c with { Name = (string?)v },
            "A corpus fetched with `data fetch NAME` into the silo's <data>/corpora (instead of path).") with { Optional = true, Kinds = Text },
        Corpus("tokenizer", SpecFieldType.Text, c => c.Tokenizer, (c, v) => c with { Tokenizer = (string)v! },
            "How text becomes tokens.") with { Choices = Tokenizers, Kinds = Text },
        Corpus("text_field", SpecFieldType.Text, c => c.TextField, (c, v) => c with { TextField = (string)v! },
            "The JSON field that holds each .jsonl line's text.") with { Kinds = Text },

        Model("context", Integer, m => m.Context, (m, v) => m with { Context = (int)v! }, "T, the context length.") with { Min = 1, IsAxis = true },
        Model("d_model", Integer, m => m.DModel, (m, v) => m with { DModel = (int)v! }, "d, the hidden size.") with { Min = 1, IsAxis = true },
        Model("layers", Integer, m => m.Layers, (m, v) => m with { Layers = (int)v! }, "Transformer blocks.") with { Min = 0, IsAxis = true },
        Model("heads", Integer, m => m.Heads, (m, v) => m with { Heads = (int)v! }, "Attention heads; must divide d_model.") with { Min = 1, IsAxis = true },
        Model("mlp_ratio", Integer, m => m.MlpRatio, (m, v) => m with { MlpRatio = (int)v! }, "MLP width as a multiple of d_model.") with { Min = 1, IsAxis = true },
        Model("dropout", Number, m => m.Dropout, (m, v) => m with { Dropout = (double)v! }, "Dropout probability.") with { Min = 0, Max = 1, MaxExclusive = true },
        Model("tied_head", SpecFieldType.Boolean, m => m.TiedHead, (m, v) => m with { TiedHead = (bool)v! }, "Whether the LM head reuses the token embedding."),
        Model("head_rank", Integer, m => m.HeadRank, (m, v) => m with { HeadRank = (int?)v },
            "r of a factorised LM head W = A·B (SCIENCE.md §8); absent, or at least d_model: full rank; not with tied_head.") with
            { Min = 1, Optional = true, IsAxis = true },

        Training("steps", Integer, t => t.Steps, (t, v) => t with { Steps = (int)v! }, "Optimizer steps.") with { Min = 1, IsAxis = true },
        Training("batch_size", Integer, t => t.BatchSize, (t, v) => t with { BatchSize = (int)v! }, "Sequences per step.") with { Min = 1, IsAxis = true },
        Training("learning_rate", Number, t => t.LearningRate, (t, v) => t with { LearningRate = (double)v! }, "Peak learning rate.") with
            { Min = 0, MinExclusive = true, IsAxis = true },
        Training("min_learning_rate_ratio", Number, t => t.MinLearningRateRatio, (t, v) => t with { MinLearningRateRatio = (double)v! },
            "Final learning rate of the cosine schedule as a fraction of the peak.") with { Min = 0, Max = 1 },
        Training("warmup_steps", Integer, t => t.WarmupSteps, (t, v) => t with { WarmupSteps = (int)v! }, "Linear warmup steps.") with
            { Min = 0, IsAxis = true },
        Training("weight_decay", Number, t => t.WeightDecay, (t, v) => t with { WeightDecay = (double)v! }, "AdamW weight decay on matrices.") with
            { Min = 0, IsAxis = true },
        Training("gradient_clip", Number, t => t.GradientClip, (t, v) => t with { GradientClip = (double)v! }, "Gradient-norm clip; 0: none.") with { Min = 0 },
        Training("eval_every", Integer, t => t.EvalEvery, (t, v) => t with { EvalEvery = (int)v! }, "Held-out evaluation cadence in steps.") with { Min = 1 },
        Training("eval_tokens", Integer, t => t.EvalTokens, (t, v) => t with { EvalTokens = (int)v! }, "Held-out tokens scored at each evaluation.") with { Min = 1 },
        Training("log_every", Integer, t => t.LogEvery, (t, v) => t with { LogEvery = (int)v! }, "Train-loss logging cadence in steps.") with { Min = 1 },
        Training("checkpoint_every", Integer, t => t.CheckpointEvery, (t, v) => t with { CheckpointEvery = (int)v! },
            "Checkpoint cadence in steps; the last step is always saved; 0: only the last.") with { Min = 0 },
        Training("seed", Integer, t => t.Seed, (t, v) => t with { Seed = (int)v! }, "Fixes initial weights, batch order and dropout.") with { IsAxis = true },

        Probes("every", Integer, p => p.Every, (p, v) => p with { Every = (int)v! },
            "Probe every this many steps and at the last step; 0: no regular cadence.") with { Min = 0 },
        Probes("log_spaced", SpecFieldType.Boolean, p => p.LogSpaced, (p, v) => p with { LogSpaced = (bool)v! },
            "Also probe steps 1, 2, 4, … below every, as Pythia saves them."),
        Probes("positions", Integer, p => p.Positions, (p, v) => p with { Positions = (int)v! },
            "M held-out positions for anisotropy and the gradient bottleneck, fixed by seed.") with { Min = 2 },
        Probes("kinds", Texts, p => p.Kinds, (p, v) => p with { Kinds = (IReadOnlyList<string>)v! },
            "What each probe step measures; [] turns probing off.") with { Choices = ProbeKinds.All },
        Probes("seed", Integer, p => p.Seed, (p, v) => p with { Seed = (int)v! }, "Fixes the sampled positions."),

        Analysis("ngram_order", Integer, a => a.NgramOrder, (a, v) => a with { NgramOrder = (int)v! },
            "n of the n-gram rank estimate of the corpus; 0: none.") with { Min = 2, Also = 0 },
        Analysis("ngram_min_count", Integer, a => a.NgramMinCount, (a, v) => a with { NgramMinCount = (int)v! },
            "Contexts seen fewer times are dropped (docs/NGRAM_RANK.md).") with { Min = 1 },
        Analysis("fit_d_models", Integers, a => a.FitDModels, (a, v) => a with { FitDModels = (IReadOnlyList<int>)v! },
            "d_model values the scaling law is fitted on; []: the larger half of the sizes.") with { Min = 1 },

        Metric("name", SpecFieldType.Text, m => m.Name, (m, v) => m with { Name = (string)v! },
            "The run metric bayes search optimises and early_terminate ranks runs by.") with { Choices = [MetricNames.EvalLoss, MetricNames.TrainLoss] },
        Metric("goal", SpecFieldType.Text, m => m.Goal, (m, v) => m with { Goal = (string)v! }, "Whether lower or higher metric is better.") with
            { Choices = ["minimize", "maximize"] },

        // min_iter is last: a spec over the wire with early_terminate but no min_iter is named for the field that is set wrong first.
        EarlyTerminate("type", SpecFieldType.Text, e => e.Type, (e, v) => e with { Type = (string?)v ?? new EarlyTerminateSpec().Type },
            "Stops runs early by asynchronous successive halving (ASHA); absent: every run trains to its last step.") with { Choices = ["hyperband"] },
        EarlyTerminate("eta", Integer, e => e.Eta, (e, v) => e with { Eta = (int?)v ?? new EarlyTerminateSpec().Eta },
            "The halving rate: at each rung a run goes on only if among the best 1/eta there; 3 when early_terminate is given.") with { Min = 2 },
        EarlyTerminate("s", Integer, e => e.S, (e, v) => e with { S = (int?)v ?? new EarlyTerminateSpec().S },
            "Hyperband brackets: run i's first rung is min_iter · eta^(i mod s); 1 (plain ASHA) when early_terminate is given.") with { Min = 1 },
        EarlyTerminate("min_iter", Integer, e => e.MinIter, (e, v) => e with { MinIter = (int?)v ?? 0 },
            "The first rung, in training steps (required with early_terminate); every rung min_iter · eta^k must be an eval step.") with { Min = 1 },
    ];

    /// <summary>The field at section.name, or null.</summary>
    public static SpecField? Find(string section, string name) => All.FirstOrDefault(f => f.Section == section && f.Name == name);

    /// <summary>The fields a grid may vary, by axis name.</summary>
    public static IEnumerable<SpecField> Axes => All.Where(f => f.IsAxis);

    /// <summary>
    /// The first field of <paramref name="spec"/> out of its bounds, as one sentence naming it; null when all are in range.
    /// Corpus fields are checked only where the spec's corpus kind reads them.
    /// </summary>
    public static string? Problem(SweepSpec spec, Func<SpecField, bool>? which = null) => All
        .Where(f => (which ?? (_ => true))(f) && (f.Kinds is null || f.Kinds.Contains(spec.Corpus.Kind)))
        .Select(f => f.Problem(f.Read(spec)))
        .FirstOrDefault(p => p is not null);

    private static SpecField Top(string name, SpecFieldType type, Func<SweepSpec, object?> read, Func<SweepSpec, object?, SweepSpec> write,
        string description) => new() { Section = "", Name = name, Type = type, Read = read, Write = write, Description = description };

    private static SpecField Corpus(string name, SpecFieldType type, Func<CorpusSpec, object?> read, Func<CorpusSpec, object?, CorpusSpec> write,
        string description) => In("corpus", s => s.Corpus, (s, c) => s with { Corpus = c }, name, type, read, write, description);

    private static SpecField Model(string name, SpecFieldType type, Func<ModelSpec, object?> read, Func<ModelSpec, object?, ModelSpec> write,
        string description) => In("model", s => s.Model, (s, m) => s with { Model = m }, name, type, read, write, description);

    private static SpecField Training(string name, SpecFieldType type, Func<TrainingSpec, object?> read,
        Func<TrainingSpec, object?, TrainingSpec> write, string description) =>
        In("training", s => s.Training, (s, t) => s with { Training = t }, name, type, read, write, description);

    private static SpecField Probes(string name, SpecFieldType type, Func<ProbeSpec, object?> read, Func<ProbeSpec, object?, ProbeSpec> write,
        string description) => In("probes", s => s.Probes, (s, p) => s with { Probes = p }, name, type, read, write, description);

    private static SpecField Analysis(string name, SpecFieldType type, Func<AnalysisSpec, object?> read,
        Func<AnalysisSpec, object?, AnalysisSpec> write, string description) =>
        In("analysis", s => s.Analysis, (s, a) => s with { Analysis = a }, name, type, read, write, description);

    private static SpecField Metric(string name, SpecFieldType type, Func<MetricSpec, object?> read, Func<MetricSpec, object?, MetricSpec> write,
        string description) => In("metric", s => s.Metric, (s, m) => s with { Metric = m }, name, type, read, write, description);

    // early_terminate is absent unless the spec gives it, so each of its fields reads as absent then, and writing one creates it.
    private static SpecField EarlyTerminate(string name, SpecFieldType type, Func<EarlyTerminateSpec, object?> read,
        Func<EarlyTerminateSpec, object?, EarlyTerminateSpec> write, string description) => new()
        {
            Section = "early_terminate", Name = name, Type = type, Description = description, Optional = true,
            Read = s => s.EarlyTerminate is { } e ? read(e) : null,
            Write = (s, v) => s with { EarlyTerminate = write(s.EarlyTerminate ?? new EarlyTerminateSpec(), v) },
        };

    // A field of one section's record: read and written through the section.
    private static SpecField In<T>(string section, Func<SweepSpec, T> get, Func<SweepSpec, T, SweepSpec> set, string name,
        SpecFieldType type, Func<T, object?> read, Func<T, object?, T> write, string description) => new()
        {
            Section = section, Name = name, Type = type, Description = description,
            Read = s => read(get(s)), Write = (s, v) => set(s, write(get(s), v)),
        };
}
