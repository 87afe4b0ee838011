namespace OrleansSweep.Client.Connection;

/// <summary>
/// A call the cluster left unanswered within --timeout: one sentence naming what was asked about (a sweep) and what to try,
/// where Orleans would print a <see cref="TimeoutException"/> with its stack.
/// </summary>
/// <param name="subject">What the call was about: "sweep 'x'".</param>
/// <param name="command">The command that asks again: "status x".</param>
public sealed class ClusterTimeoutException(string subject, string command, TimeSpan timeout) : Exception(
    $"the cluster did not answer about {subject} within {timeout.TotalSeconds:0.#} s; check the silo is up (`{command}` again) or raise --timeout.")
{
    /// <summary>A call about sweep <paramref name="sweepId"/>.</summary>
    public static ClusterTimeoutException About(string sweepId, TimeSpan timeout) => new($"sweep '{sweepId}'", $"status {sweepId}", timeout);

    /// <summary>
    /// Runs <paramref name="call"/>; Orleans' response timeout, or a wait cancelled by anything but <paramref name="cancellation"/>
    /// (Ctrl+C stays an interruption), becomes <paramref name="unanswered"/>.
    /// </summary>
    public static async Task<T> WhenUnansweredAsync<T>(Func<Task<T>> call, Func<ClusterTimeoutException> unanswered, CancellationToken cancellation)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (Unanswered(e) && !cancellation.IsCancellationRequested)
        {
            throw unanswered();
        }
    }

    private static bool Unanswered(Exception e) => e switch
    {
        TimeoutException or OperationCanceledException => true,
        AggregateException { InnerExceptions.Count: 1 } a => Unanswered(a.InnerException!),
        _ => false,
    };
}
