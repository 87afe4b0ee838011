using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Grains.Runs;

/// <summary>The training work of one run, off the Orleans scheduler: it touches no grain field and talks only through a channel.</summary>
public static class RunTraining
{
    /// <summary>Trains from <paramref name="resumeFrom"/> (or from scratch) to the end, then completes the channel.</summary>
    public static void Run(
        RunSpec spec, Func<TokenCorpus> corpusSource, Device device, string checkpointDirectory, string? resumeFrom,
        ChannelWriter<TrainingEvent> events, ILogger logger, CancellationToken cancellation)
    {
        try
        {
            var corpus = corpusSource();
            var config = RunSpecMapping.ToGptConfig(spec, corpus.VocabularySize);
            using var trainer = new Trainer(config, RunSpecMapping.ToTrainerOptions(spec), corpus, device);
            if (resumeFrom is not null)
            {
                trainer.Resume(resumeFrom);
                logger.LogInformation("Run {Run} resumed from {Checkpoint} at step {Step}", spec.RunId, resumeFrom, trainer.Step);
            }
            trainer.Run(new TrainingCallbacks(
                OnStep: m => events.TryWrite(new TrainingEvent(Step: m)),
                OnEval: e => events.TryWrite(new TrainingEvent(Eval: e)),
                OnCheckpoint: c => events.TryWrite(new TrainingEvent(Checkpoint: c))),
                checkpointDirectory, cancellation, RunSpecMapping.ToProbeSteps(spec));
            events.TryComplete();
        }
        catch (Exception e)
        {
            events.TryComplete(e);
        }
    }
}
