using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Optimization;
using OrleansSweep.Compute.Probes;
using OrleansSweep.Compute.Training;
using TorchSharp.Modules;

namespace OrleansSweep.Compute.Experiments;

/// <summary>
/// SCIENCE §8's experiment: freeze a trained model's body and, for each rank r, train only a fresh rank-r head on it, then
/// score it on held-out tokens beside the W-error of the original head at r. Every rank sees the same batches; a seed fixes
/// batches and head inits, so the whole result.
/// </summary>
public static class HeadRankExperiment
{
    /// <summary>Loads <paramref name="checkpointPath"/> (any OrleansSweep checkpoint) and runs the experiment on it.</summary>
    public static HeadRankResult Run(
        string checkpointPath, TokenCorpus corpus, HeadRankOptions options, Device device,
        Action<HeadRankPoint>? onPoint = null, CancellationToken cancellation = default)
    {
        var header = CheckpointFile.ReadHeader(checkpointPath);
        // The generator only fills weights the checkpoint then overwrites.
        using var generator = new Generator(0);
        using var original = new Gpt(header.Config, generator);
        CheckpointFile.Load(checkpointPath, original, null);
        original.to(device);
        return Run(original, corpus, options, device, onPoint, cancellation);
    }

    /// <summary>Runs the experiment on <paramref name="original"/>, which it leaves as it found it (weights, mode, requires_grad).</summary>
    public static HeadRankResult Run(
        Gpt original, TokenCorpus corpus, HeadRankOptions options, Device device,
        Action<HeadRankPoint>? onPoint = null, CancellationToken cancellation = default)
    {
        var config = original.Config;
        options.Validate(config.DModel);
        if (corpus.VocabularySize > config.VocabularySize)
            throw new ArgumentException($"the corpus has {corpus.VocabularySize} token ids but the model's vocabulary_size is {config.VocabularySize}.");
        var training = options.Training;
        var evaluator = new HeldOutEvaluator(corpus.HeldOut, config.ContextLength, training.EvalTokens);
        var sampler = new BatchSampler(corpus.Train, config.ContextLength, training.BatchSize, training.Seed);

        var wasTraining = original.training;
        var frozen = original.parameters().Where(p => p.requires_grad).ToArray();
        // Eval mode: the body is a fixed feature map, so no dropout; without requires_grad nothing can update it.
        original.eval();
        foreach (var p in frozen) p.requires_grad = false;
        Tensor? cache = null;
        try
        {
            var reference = evaluator.Evaluate(original, 0, device);
            var wError = HeadSpectrum.Of(original).WError;
            cache = CacheHiddenStates(original, sampler, training, options.HiddenCacheBytes, device, cancellation);
            var points = new List<HeadRankPoint>();
            foreach (var rank in options.Ranks)
            {
                using var model = new HeadOnFrozenBody(original, FreshHead(config, rank, StableSeed.Mix(training.Seed, rank)));
                model.to(device);
                TrainHead(original, model.Head, sampler, cache, training, device, cancellation);
                var eval = evaluator.Evaluate(model, training.Steps, device);
                var point = new HeadRankPoint(rank, model.parameters().Sum(p => p.numel()), eval.Loss, eval.StandardError,
                    wError[Math.Min(rank, wError.Length - 1)]); // rank ≥ min(V, d): the error is 0
                points.Add(point);
                onPoint?.Invoke(point);
            }
            return new HeadRankResult(config.VocabularySize, config.DModel, training.Steps, evaluator.Tokens,
                reference.Loss, reference.StandardError, corpus.OptimalLoss, cache is not null, points);
        }
        finally
        {
            cache?.Dispose();
            foreach (var p in frozen) p.requires_grad = true;
            if (wasTraining) original.train();
        }
    }

    /// <summary>
    /// A rank-r head with the §8 init, or at r = d a full head drawn by the same fan-in rule (N(0, 1/d)), so every rank
    /// starts from logits of unit variance.
    /// </summary>
    public static LmHead FreshHead(GptConfig config, int rank, int seed)
    {
        using var generator = new Generator((ulong)seed);
        if (rank < config.DModel)
        {
            var factorized = new FactorizedHead(config.VocabularySize, rank, config.DModel);
            factorized.Initialize(generator);
            return factorized;
        }
        var full = new FullRankHead(config.VocabularySize, config.DModel);
        using (no_grad()) full.Weight().normal_(0, 1 / Math.Sqrt(config.DModel), generator);
        return full;
    }

    // The final hidden states of every step's batch, (steps, B, T, d), when they fit in the budget; else null.
    private static Tensor? CacheHiddenStates(
        Gpt body, BatchSampler sampler, TrainerOptions training, long budgetBytes, Device device, CancellationToken cancellation)
    {
        var shape = new long[] { training.Steps, training.BatchSize, body.Config.ContextLength, body.Config.DModel };
        if (shape.Aggregate(1L, (a, b) => a * b) * sizeof(float) > budgetBytes) return null;
        var cache = empty(shape, float32, device);
        try
        {
            for (var step = 0; step < training.Steps; step++)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                cache[step].copy_(BodyHidden(body, sampler.Batch(step, device).Inputs));
            }
            return cache;
        }
        catch
        {
            cache.Dispose();
            throw;
        }
    }

    // AdamW on the head's parameters alone, the run's warmup + cosine schedule, the body's outputs as fixed inputs.
    private static void TrainHead(
        Gpt body, LmHead head, BatchSampler sampler, Tensor? cache, TrainerOptions training, Device device, CancellationToken cancellation)
    {
        var parameters = head.parameters().ToArray();
        using var optimizer = new AdamWOptimizer([new AdamWGroup(parameters, training.WeightDecay)], training.Beta1, training.Beta2);
        head.train();
        for (var step = 0; step < training.Steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var (inputs, targets) = sampler.Batch(step, device);
            var hidden = cache is null ? BodyHidden(body, inputs) : cache[step]; // (B, T, d)
            var logits = head.call(hidden); // (B, T, V)
            var loss = nn.functional.cross_entropy(logits.view(-1, logits.shape[2]), targets.view(-1));
            optimizer.ZeroGrad();
            loss.backward();
            GradientClipping.ClipGlobalNorm(parameters, training.GradientClip > 0 ? training.GradientClip : double.PositiveInfinity);
            optimizer.Step(LearningRateSchedule.At(step, training));
            var value = loss.item<float>();
            if (!float.IsFinite(value)) throw new TrainingDivergedException(step + 1, value);
        }
    }

    private static Tensor BodyHidden(Gpt body, Tensor inputs)
    {
        using var noGrad = no_grad();
        return body.FinalHidden(inputs);
    }
}
