namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>Polls an observation until it satisfies a condition, failing with the last observation after a timeout.</summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Probes every 50 ms (each probe may itself take up to the whole timeout) and returns the first satisfying value.</summary>
    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, CancellationToken cancellation, Action<T>? observe = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        using var timer = new PeriodicTimer(Interval);
        var last = default(T);
        try
        {
            while (true)
            {
                last = await probe().WaitAsync(deadline.Token);
                observe?.Invoke(last);
                if (done(last)) return last;
                await timer.WaitForNextTickAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"not done within {timeout}; last observed: {last}");
        }
    }
}
