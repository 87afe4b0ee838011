namespace OrleansSweep.Grains.Sweeps;

/// <summary>The long poll of a sweep: callers wait for the next change instead of reading again and again.</summary>
public sealed class SweepChanges
{
    /// <summary>The longest one call waits, well under the client's response timeout.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(20);

    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes every caller waiting.</summary>
    public void Signal() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Returns at the next <see cref="Signal"/> or after <paramref name="wait"/> (at most <see cref="LongestWait"/>).</summary>
    public Task WaitAsync(TimeSpan wait) => Task.WhenAny(Volatile.Read(ref _next).Task, Task.Delay(wait < LongestWait ? wait : LongestWait));
}
