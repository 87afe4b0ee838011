using Microsoft.Extensions.Logging;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Grains.Runs;

/// <summary>
/// One run's checkpoint files on this silo: where each step's goes, which one a resume may load, and which are kept. Only the
/// steps up to the one the run's persisted state vouches for count: a later file belongs to a step the run will redo.
/// </summary>
public sealed class RunCheckpointDirectory(string root, string runId, ILogger logger)
{
    /// <summary>The checkpoint root, then the run id.</summary>
    public string Path { get; } = System.IO.Path.Combine(root, runId);

    /// <summary>The file of the checkpoint after <paramref name="step"/> updates.</summary>
    public string PathOf(int step) => System.IO.Path.Combine(Path, CheckpointFile.Name(step));

    /// <summary>The stored checkpoints up to <paramref name="vouchedStep"/>, steps ascending.</summary>
    public IReadOnlyList<CheckpointInfo> Stored(int vouchedStep) =>
        CheckpointFile.InDirectory(Path).Where(c => c.Step <= vouchedStep).Select(c => new CheckpointInfo(c.Step, c.Path)).ToList();

    /// <summary>
    /// The newest stored checkpoint up to <paramref name="vouchedStep"/> that verifies (SHA-256), or null when none does: a torn
    /// or corrupt file is logged and passed over, never loaded.
    /// </summary>
    public CheckpointInfo? NewestVerified(int vouchedStep)
    {
        var good = Stored(vouchedStep).Reverse().FirstOrDefault(c => Verifies(c.Path));
        // Every checkpoint is after at least one update, so a vouched step above 0 is a checkpoint the run had.
        if (good is null && vouchedStep > 0)
            logger.LogWarning("No usable checkpoint up to {Checkpoint}; run restarts from step 0", PathOf(vouchedStep));
        else if (good is not null && good.Step < vouchedStep)
            logger.LogWarning("Run {Run} resumes from step {Step}, the newest checkpoint that verifies, instead of step {Newest}",
                runId, good.Step, vouchedStep);
        return good;
    }

    /// <summary>Deletes the temporary files of checkpoints that a killed silo never renamed: no reader takes them, and nothing else would.</summary>
    public void RemoveTorn()
    {
        if (!Directory.Exists(Path)) return;
        foreach (var torn in Directory.EnumerateFiles(Path, "*.ckpt.tmp"))
        {
            logger.LogWarning("Checkpoint {Checkpoint} was never finished (its silo stopped while writing it); deleting it", torn);
            File.Delete(torn);
        }
    }

    /// <summary>
    /// Deletes the <see cref="Expired"/> checkpoints. Only once the state that vouches for <paramref name="vouchedStep"/> is
    /// written, so the stored state never vouches for a deleted file.
    /// </summary>
    public void RemoveExpired(int vouchedStep, int keep, IReadOnlySet<int> probeSteps)
    {
        var stored = CheckpointFile.InDirectory(Path).Select(c => new CheckpointInfo(c.Step, c.Path)).ToList();
        foreach (var (_, path) in Expired(stored, vouchedStep, keep, probeSteps))
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException e)
            {
                logger.LogWarning("Checkpoint {Checkpoint} could not be deleted: {Reason}", path, e.Message);
            }
        }
    }

    /// <summary>
    /// The checkpoints among <paramref name="stored"/> to delete. Kept: the newest <paramref name="keep"/> up to the vouched
    /// step (so a corrupt newest one still leaves an older one to resume from), and every probe step's (the probes' record,
    /// which `probe --all-checkpoints` measures again). Files after the vouched step belong to steps the run will redo and stay too.
    /// </summary>
    public static IReadOnlyList<CheckpointInfo> Expired(IReadOnlyList<CheckpointInfo> stored, int vouchedStep, int keep, IReadOnlySet<int> probeSteps)
    {
        var kept = stored.Where(c => c.Step <= vouchedStep).OrderByDescending(c => c.Step).Take(keep).Select(c => c.Step).ToHashSet();
        return stored.Where(c => c.Step <= vouchedStep && !kept.Contains(c.Step) && !probeSteps.Contains(c.Step)).ToList();
    }

    private bool Verifies(string path)
    {
        try
        {
            CheckpointFile.ReadHeader(path);
            return true;
        }
        catch (CorruptCheckpointException e)
        {
            logger.LogWarning("Checkpoint {Checkpoint} is not loaded: {Reason}", path, e.Message);
            return false;
        }
    }
}
