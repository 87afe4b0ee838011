using Microsoft.Extensions.Logging;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Grains.Runs;

/// <summary>Queues a run's checkpoints with its probe grains, one per probe kind.</summary>
public sealed class ProbeFanOut(IGrainFactory grains, ILogger logger)
{
    /// <summary>Queues those of <paramref name="checkpoints"/> at the spec's probe steps for its probe kinds, keeping values already measured.</summary>
    public Task EnqueueProbeStepsAsync(RunSpec spec, IEnumerable<CheckpointInfo> checkpoints)
    {
        var probeSteps = RunSpecMapping.ToProbeSteps(spec);
        return EnqueueAsync(spec, spec.Probes.Kinds, checkpoints.Where(c => probeSteps.Contains(c.Step)), replace: false);
    }

    /// <summary>Queues each of <paramref name="checkpoints"/> for each of <paramref name="kinds"/>; never throws.</summary>
    public async Task EnqueueAsync(RunSpec spec, IReadOnlyList<string> kinds, IEnumerable<CheckpointInfo> checkpoints, bool replace)
    {
        foreach (var (step, path) in checkpoints)
        {
            foreach (var kind in kinds)
            {
                try
                {
                    await grains.GetGrain<IProbeGrain>(IProbeGrain.Key(spec.RunId, kind)).EnqueueAsync(new ProbeRequest(spec, step, path, replace));
                }
                catch (Exception e)
                {
                    // Training must not stop because a probe could not be queued; the next activation queues it again.
                    logger.LogWarning(e, "Run {Run} could not queue probe {Kind} at step {Step}", spec.RunId, kind, step);
                }
            }
        }
    }
}
