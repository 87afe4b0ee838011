using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Grains.Runs;

/// <summary>From the wire's run spec to Compute's own config records (Compute knows nothing of Orleans).</summary>
public static class RunSpecMapping
{
    public static GptConfig ToGptConfig(RunSpec run, int vocabularySize) => new()
    {
        VocabularySize = vocabularySize,
        ContextLength = run.Model.Context,
        DModel = run.Model.DModel,
        Layers = run.Model.Layers,
        Heads = run.Model.Heads,
        MlpRatio = run.Model.MlpRatio,
        Dropout = run.Model.Dropout,
        TiedHead = run.Model.TiedHead,
        HeadRank = run.Model.HeadRank,
    };

    public static TrainerOptions ToTrainerOptions(RunSpec run) => new()
    {
        Steps = run.Training.Steps,
        BatchSize = run.Training.BatchSize,
        LearningRate = run.Training.LearningRate,
        MinLearningRateRatio = run.Training.MinLearningRateRatio,
        WarmupSteps = run.Training.WarmupSteps,
        WeightDecay = run.Training.WeightDecay,
        GradientClip = run.Training.GradientClip,
        EvalEvery = run.Training.EvalEvery,
        EvalTokens = run.Training.EvalTokens,
        LogEvery = run.Training.LogEvery,
        CheckpointEvery = run.Training.CheckpointEvery,
        Seed = run.Training.Seed,
    };

    /// <summary>The steps whose checkpoints the run's probes measure; none when it names no probe kind.</summary>
    public static IReadOnlySet<int> ToProbeSteps(RunSpec run) => run.Probes.Kinds.Count == 0
        ? new HashSet<int>()
        : ProbeSchedule.Steps(run.Probes.Every, run.Probes.LogSpaced, run.Training.Steps);
}
