using System.Diagnostics;
using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Optimization;
using TorchSharp.Modules;

namespace OrleansSweep.Compute.Training;

/// <summary>
/// Trains one GPT on one corpus: AdamW, warmup + cosine, gradient clipping, periodic held-out evaluation and checkpoints.
/// Knows nothing of Orleans; it reports through <see cref="TrainingCallbacks"/> and stops between steps when cancelled.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly TrainerOptions options;
    private readonly Device device;
    private readonly Generator generator;
    private readonly AdamWOptimizer optimizer;
    private readonly BatchSampler sampler;
    private readonly HeldOutEvaluator evaluator;
    private readonly Parameter[] parameters;

    public Trainer(GptConfig config, TrainerOptions options, TokenCorpus corpus, Device device)
    {
        config.Validate();
        options.Validate();
        if (corpus.VocabularySize > config.VocabularySize)
            throw new ArgumentException($"the corpus has {corpus.VocabularySize} token ids but the model's vocabulary_size is {config.VocabularySize}.");
        if (config.ContextLength % corpus.SequenceLength != 0)
            throw new ArgumentException(
                $"the context ({config.ContextLength}) must be a multiple of the corpus's sequence_length ({corpus.SequenceLength}) so every window starts at a sequence start.");
        this.options = options;
        this.device = device;
        generator = new Generator((ulong)options.Seed, device);
        Model = new Gpt(config, generator);
        Model.to(device);
        parameters = Model.parameters().ToArray();
        optimizer = new AdamWOptimizer(
        [
            new AdamWGroup(parameters.Where(p => p.dim() >= 2).ToArray(), options.WeightDecay),
            new AdamWGroup(parameters.Where(p => p.dim() < 2).ToArray(), 0),
        ], options.Beta1, options.Beta2);
        sampler = new BatchSampler(corpus.Train, config.ContextLength, options.BatchSize, options.Seed, corpus.SequenceLength);
        evaluator = new HeldOutEvaluator(corpus.HeldOut, config.ContextLength, options.EvalTokens);
    }

    /// <summary>The model being trained.</summary>
    public Gpt Model { get; }

    /// <summary>Updates done so far.</summary>
    public int Step { get; private set; }

    /// <summary>Time spent in <see cref="Run"/> so far (steps, evaluations and checkpoints), not in building the model or resuming.</summary>
    public TimeSpan LoopTime { get; private set; }

    /// <summary>Continues from a checkpoint of this same run; a checkpoint of another config or schedule is refused.</summary>
    public void Resume(string checkpointPath)
    {
        var header = CheckpointFile.ReadHeader(checkpointPath);
        if (header.Config != Model.Config || header.Options != options)
            throw new ArgumentException($"checkpoint {checkpointPath} belongs to a run with another model config or trainer options.");
        CheckpointFile.Load(checkpointPath, Model, optimizer);
        using var generatorState = tensor(header.GeneratorState);
        generator.set_state(generatorState);
        Step = header.Step;
    }

    /// <summary>
    /// Trains from <see cref="Step"/> to the last step; checkpoints go under <paramref name="checkpointDirectory"/>. The steps in
    /// <paramref name="probeSteps"/> are also evaluated and checkpointed (for the probes); that changes no trained value.
    /// </summary>
    public void Run(TrainingCallbacks callbacks, string? checkpointDirectory, CancellationToken cancellation, IReadOnlySet<int>? probeSteps = null)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            Loop(callbacks, checkpointDirectory, cancellation, probeSteps);
        }
        finally
        {
            LoopTime += Stopwatch.GetElapsedTime(started);
        }
    }

    private void Loop(TrainingCallbacks callbacks, string? checkpointDirectory, CancellationToken cancellation, IReadOnlySet<int>? probeSteps)
    {
        Model.train();
        if (Step == 0) callbacks.OnEval?.Invoke(Evaluate());
        var clock = Stopwatch.StartNew();
        var tokensSinceLog = 0L;
        while (Step < options.Steps)
        {
            cancellation.ThrowIfCancellationRequested();
            var learningRate = LearningRateSchedule.At(Step, options);
            var (loss, gradientNorm) = Update(learningRate);
            Step++;
            tokensSinceLog += (long)options.BatchSize * Model.Config.ContextLength;
            if (!double.IsFinite(loss)) throw new TrainingDivergedException(Step, loss);
            var last = Step == options.Steps;
            var probed = probeSteps?.Contains(Step) == true;
            if (Step % options.LogEvery == 0 || last)
            {
                callbacks.OnStep?.Invoke(new StepMetrics(Step, loss, learningRate, gradientNorm, tokensSinceLog / clock.Elapsed.TotalSeconds));
                tokensSinceLog = 0;
                clock.Restart();
            }
            if (Step % options.EvalEvery == 0 || last || probed) callbacks.OnEval?.Invoke(Evaluate());
            if (checkpointDirectory is not null && (last || probed || options.CheckpointEvery > 0 && Step % options.CheckpointEvery == 0))
            {
                // Saved before the callback, whether or not anyone listens: `?.Invoke(Save())` would skip the save.
                var path = SaveCheckpoint(checkpointDirectory);
                callbacks.OnCheckpoint?.Invoke(new CheckpointInfo(Step, path));
            }
        }
    }

    /// <summary>Held-out loss of the current weights.</summary>
    public EvalResult Evaluate() => evaluator.Evaluate(Model, Step, device);

    /// <summary>Writes a checkpoint of the current state; returns its path.</summary>
    public string SaveCheckpoint(string directory)
    {
        var path = Path.Combine(directory, CheckpointFile.Name(Step));
        using var generatorState = generator.get_state();
        var header = new CheckpointHeader(Model.Config, options, Step, generatorState.data<byte>().ToArray());
        CheckpointFile.Write(path, header, Model, optimizer);
        return path;
    }

    private (double Loss, double GradientNorm) Update(double learningRate)
    {
        using var scope = NewDisposeScope();
        var (inputs, targets) = sampler.Batch(Step, device);
        var logits = Model.call(inputs); // (B, T, V)
        var loss = nn.functional.cross_entropy(logits.view(-1, logits.shape[2]), targets.view(-1));
        optimizer.ZeroGrad();
        loss.backward();
        var gradientNorm = GradientClipping.ClipGlobalNorm(parameters, options.GradientClip > 0 ? options.GradientClip : double.PositiveInfinity);
        optimizer.Step(learningRate);
        return (loss.item<float>(), gradientNorm);
    }

    public void Dispose()
    {
        optimizer.Dispose();
        Model.Dispose();
        generator.Dispose();
    }
}
