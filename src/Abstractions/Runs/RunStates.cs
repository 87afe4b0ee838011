namespace OrleansSweep.Abstractions;

/// <summary>What a <see cref="RunState"/> means for the work left.</summary>
public static class RunStates
{
    /// <summary>Whether a run in <paramref name="state"/> will do no more work (until a retry).</summary>
    public static bool IsFinished(this RunState state) =>
        state is RunState.Completed or RunState.Failed or RunState.Diverged or RunState.Cancelled or RunState.Stopped;
}
