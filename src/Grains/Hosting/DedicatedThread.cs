namespace OrleansSweep.Grains.Hosting;

/// <summary>
/// Runs long CPU-bound compute (training loops, probes, n-gram spectra) on a thread of its own, off both the Orleans
/// scheduler and the .NET thread pool: on a thread-pool thread a few such loops starve the pool that Orleans's own
/// turns, timers and health checks run on (seen as "Thread Pool execution stalled" and missed status calls).
/// </summary>
public static class DedicatedThread
{
    /// <summary>Starts <paramref name="work"/> on a new thread; the task ends with its result or its exception.</summary>
    public static Task<T> Run<T>(Func<T> work, CancellationToken cancellation = default) =>
        Task.Factory.StartNew(work, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Starts <paramref name="work"/> on a new thread; the task ends when it returns or throws.</summary>
    public static Task Run(Action work, CancellationToken cancellation = default) =>
        Task.Factory.StartNew(work, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
