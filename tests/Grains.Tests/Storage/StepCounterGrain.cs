namespace OrleansSweep.Grains.Tests.Storage;

/// <summary>Counts steps in state persisted by the default storage provider.</summary>
public sealed class StepCounterGrain([PersistentState("steps")] IPersistentState<StepCounterState> state) : Grain, IStepCounterGrain
{
    /// <summary>Adds steps, records the checkpoint name, writes the state and returns the new total.</summary>
    public async Task<int> RecordStepsAsync(int steps, string checkpoint)
    {
        state.State = state.State with { Steps = state.State.Steps + steps, LastCheckpoint = checkpoint };
        await state.WriteStateAsync();
        return state.State.Steps;
    }

    /// <summary>Clears the state in storage.</summary>
    public Task ClearAsync() => state.ClearStateAsync();

    /// <summary>Reads the state again from storage.</summary>
    public async Task<StoredSteps> ReadStoredAsync()
    {
        await state.ReadStateAsync();
        return new StoredSteps(state.RecordExists, state.State);
    }
}
