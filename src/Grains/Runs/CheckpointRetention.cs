namespace OrleansSweep.Grains.Runs;

/// <summary>
/// Which of a run's checkpoints stay on disk: the newest <c>keep</c> up to the one its persisted state vouches for (so a
/// corrupt newest one still leaves an older one to resume from), and every probe step's (the probes' record, which
/// `probe --all-checkpoints` measures again). Files after the vouched step belong to steps the run will redo and stay too.
/// </summary>
public static class CheckpointRetention
{
    /// <summary>The checkpoints among <paramref name="stored"/> to delete.</summary>
    public static IReadOnlyList<(int Step, string Path)> Expired(
        IReadOnlyList<(int Step, string Path)> stored, int vouchedStep, int keep, IReadOnlySet<int> probeSteps)
    {
        var kept = stored.Where(c => c.Step <= vouchedStep).OrderByDescending(c => c.Step).Take(keep).Select(c => c.Step).ToHashSet();
        return stored.Where(c => c.Step <= vouchedStep && !kept.Contains(c.Step) && !probeSteps.Contains(c.Step)).ToList();
    }
}
