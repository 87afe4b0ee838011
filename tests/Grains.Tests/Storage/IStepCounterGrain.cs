namespace OrleansSweep.Grains.Tests.Storage;

/// <summary>A test-only grain that counts training steps in state kept by the default storage provider.</summary>
public interface IStepCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds steps, records the checkpoint name, writes the state and returns the new total.</summary>
    Task<int> RecordStepsAsync(int steps, string checkpoint);

    /// <summary>Clears the state in storage.</summary>
    Task ClearAsync();

    /// <summary>Reads the state again from storage.</summary>
    Task<StoredSteps> ReadStoredAsync();
}
