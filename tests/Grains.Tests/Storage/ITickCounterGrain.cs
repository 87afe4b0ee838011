namespace OrleansSweep.Grains.Tests.Storage;

/// <summary>A test-only grain that counts the ticks of its one reminder in state kept by the default storage provider.</summary>
public interface ITickCounterGrain : IGrainWithStringKey
{
    /// <summary>Registers (or re-registers) the reminder, first due after one <paramref name="period"/>.</summary>
    Task StartTickingAsync(TimeSpan period);
}
