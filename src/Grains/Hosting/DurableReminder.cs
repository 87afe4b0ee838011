using Microsoft.Extensions.Logging;

namespace OrleansSweep.Grains.Hosting;

/// <summary>
/// A grain's durable reminder: kept while the grain has work left, so a silo that dies leaves it behind and the work wakes on
/// another silo; forgotten when the work is done.
/// </summary>
public sealed class DurableReminder(IGrainBase grain, string name, TimeSpan period, ILogger logger)
{
    /// <summary>Registers the reminder, or keeps it if it is there.</summary>
    public Task KeepAsync() => grain.RegisterOrUpdateReminder(name, period, period);

    /// <summary>Removes the reminder; a failure is logged, not thrown.</summary>
    public async Task ForgetAsync()
    {
        try
        {
            if (await grain.GetReminder(name) is { } reminder) await grain.UnregisterReminder(reminder);
        }
        catch (Exception e)
        {
            // The reminder service's silo may be the one that just died; the reminder's next tick finds the work done and tries again.
            logger.LogWarning(e, "{Grain} could not remove its reminder {Reminder} yet", grain.GrainContext.GrainId, name);
        }
    }
}
