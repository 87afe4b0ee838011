using Microsoft.Extensions.Logging;

namespace OrleansSweep.Grains.Runs;

/// <summary>Tells a run's sweep coordinator the run's latest summary.</summary>
public sealed class CoordinatorReporter(IGrainFactory grains, ILogger logger)
{
    /// <summary>Reports <paramref name="summary"/> to the coordinator of its sweep; never throws.</summary>
    public async Task ReportAsync(RunSummary summary)
    {
        try
        {
            await grains.GetGrain<ISweepCoordinatorGrain>(summary.Spec.SweepId).ReportAsync(summary);
        }
        catch (Exception e)
        {
            // The coordinator catches up from the next report; training must not stop because a report failed.
            logger.LogWarning(e, "Run {Run} could not report to sweep {Sweep}", summary.Spec.RunId, summary.Spec.SweepId);
        }
    }
}
