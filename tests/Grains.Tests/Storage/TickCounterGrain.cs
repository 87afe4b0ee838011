namespace OrleansSweep.Grains.Tests.Storage;

/// <summary>Counts the ticks of its reminder in state persisted by the default storage provider.</summary>
public sealed class TickCounterGrain([PersistentState("ticks")] IPersistentState<TickCounterState> state) : Grain, ITickCounterGrain, IRemindable
{
    public const string ReminderName = "tick";

    /// <summary>Registers (or re-registers) the reminder, first due after one <paramref name="period"/>.</summary>
    public Task StartTickingAsync(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, period, period);

    /// <summary>Counts the tick and records which silo delivered it.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State = state.State with { Ticks = state.State.Ticks + 1, LastTickSilo = RuntimeIdentity };
        await state.WriteStateAsync();
    }
}
