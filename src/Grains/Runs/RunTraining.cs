using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Runs;

/// <summary>The training work of one run, off the Orleans scheduler: it touches no grain field and talks only through a channel.</summary>
public static class RunTraining
{
    /// <summary>Starts <see cref="Run"/> on a thread of its own; its events come through <c>Events</c>, and <c>Work</c> ends with it.</summary>
    public static (ChannelReader<TrainingEvent> Events, Task Work) Start(
        RunSpec spec, CorpusCatalog corpora, Device device, string checkpointDirectory, string? resumeFrom, ILogger logger, CancellationToken cancellation)
    {
        var channel = Channel.CreateUnbounded<TrainingEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var work = DedicatedThread.Run(() => Run(spec, () => corpora.Get(spec.Corpus), device, checkpointDirectory, resumeFrom, channel.Writer, logger, cancellation));
        return (channel.Reader, work);
    }

    /// <summary>
    /// Trains from <paramref name="resumeFrom"/> (or from scratch) to the end, then completes the channel. Cancelled (a pause,
    /// a silo shutting down), it first checkpoints the step it reached, so a graceful stop loses no step.
    /// </summary>
    public static void Run(
        RunSpec spec, Func<TokenCorpus> corpusSource, Device device, string checkpointDirectory, string? resumeFrom,
        ChannelWriter<TrainingEvent> events, ILogger logger, CancellationToken cancellation)
    {
        Trainer? trainer = null;
        var savedStep = 0;
        try
        {
            var corpus = corpusSource();
            var config = RunSpecMapping.ToGptConfig(spec, corpus.VocabularySize);
            trainer = new Trainer(config, RunSpecMapping.ToTrainerOptions(spec), corpus, device);
            if (resumeFrom is not null)
            {
                trainer.Resume(resumeFrom);
                savedStep = trainer.Step;
                logger.LogInformation("Run {Run} resumed from {Checkpoint} at step {Step}", spec.RunId, resumeFrom, trainer.Step);
            }
            trainer.Run(new TrainingCallbacks(
                OnStep: m => events.TryWrite(new TrainingEvent(Step: m)),
                OnEval: e => events.TryWrite(new TrainingEvent(Eval: e)),
                OnCheckpoint: c =>
                {
                    savedStep = c.Step;
                    events.TryWrite(new TrainingEvent(Checkpoint: c));
                }),
                checkpointDirectory, cancellation, RunSpecMapping.ToProbeSteps(spec));
            ReportLoopTime(trainer, events);
            events.TryComplete();
        }
        catch (OperationCanceledException e) when (cancellation.IsCancellationRequested && trainer is not null)
        {
            // The loop stops between steps, so the trainer holds a whole step's state.
            if (trainer.Step > savedStep)
                events.TryWrite(new TrainingEvent(Checkpoint: new CheckpointInfo(trainer.Step, trainer.SaveCheckpoint(checkpointDirectory))));
            ReportLoopTime(trainer, events);
            events.TryComplete(e);
        }
        catch (Exception e)
        {
            ReportLoopTime(trainer, events);
            events.TryComplete(e is TrainingDivergedException or OperationCanceledException ? e : new TrainingFailedException(e));
        }
        finally
        {
            trainer?.Dispose();
        }
    }

    private static void ReportLoopTime(Trainer? trainer, ChannelWriter<TrainingEvent> events)
    {
        if (trainer is { LoopTime: var spent } && spent > TimeSpan.Zero) events.TryWrite(new TrainingEvent(LoopSeconds: spent.TotalSeconds));
    }
}
