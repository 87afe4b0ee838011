using Microsoft.Extensions.Logging;

namespace OrleansSweep.Grains.Hosting;

/// <summary>
/// When this silo becomes active, ticks every reminder in the table once, so an unfinished run or sweep does not wait for
/// the reminder service to take over its share of the ring. The grains' handlers only wake what should run, so an extra
/// tick costs one call.
/// </summary>
public sealed class ReminderWakeUp(IReminderTable reminders, IGrainFactory grains, ILogger<ReminderWakeUp> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ReminderWakeUp), ServiceLifecycleStage.Active, WakeAsync, _ => Task.CompletedTask);

    private async Task WakeAsync(CancellationToken cancellation)
    {
        try
        {
            // begin == end reads the whole ring.
            var table = await reminders.ReadRows(0, 0);
            foreach (var entry in table.Reminders)
            {
                var grain = grains.GetGrain(entry.GrainId).AsReference<IRemindable>();
                _ = grain.ReceiveReminder(entry.ReminderName, new TickStatus(entry.StartAt, entry.Period, DateTime.UtcNow))
                    .ContinueWith(t => logger.LogWarning(t.Exception, "Waking {Grain} failed; its own reminder still fires", entry.GrainId),
                        TaskContinuationOptions.OnlyOnFaulted);
            }
            logger.LogInformation("Woke {Count} reminder holders", table.Reminders.Count);
        }
        catch (Exception e)
        {
            // The reminders still fire on their own; this is only the faster, surer path.
            logger.LogWarning(e, "Could not read the reminder table to wake its grains");
        }
    }
}
