namespace OrleansSweep.Compute.Training;

/// <summary>
/// The steps whose checkpoints are probed: multiples of the cadence, the last step, and, log-spaced, the powers of two below
/// the cadence (Pythia saves steps 1, 2, 4, …, 512 before its regular 1000-step cadence). Step 0 is never probed.
/// </summary>
public static class ProbeSchedule
{
    /// <summary>Every probed step of a run of <paramref name="lastStep"/> steps; <paramref name="every"/> = 0: no regular cadence.</summary>
    public static IReadOnlySet<int> Steps(int every, bool logSpaced, int lastStep)
    {
        if (every < 0) throw new ArgumentException("probes.every must not be negative.");
        var steps = new SortedSet<int>();
        if (lastStep < 1) return steps;
        steps.Add(lastStep);
        if (every > 0) for (var s = every; s < lastStep; s += every) steps.Add(s);
        if (logSpaced) for (var s = 1; s < lastStep && (every == 0 || s < every); s *= 2) steps.Add(s);
        return steps;
    }
}
