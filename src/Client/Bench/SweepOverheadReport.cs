namespace OrleansSweep.Client.Bench;

/// <summary>
/// What <c>bench sweep</c> measured (its --json form, camelCase, seconds). The ideal is the runs' training-loop seconds
/// spread over the slots; everything else the slots spent (starting runs, building models and corpora, storing state,
/// scheduling the next run) is overhead.
/// </summary>
public sealed record SweepOverheadReport(
    int Runs,
    int MaxConcurrent,
    int Threads,
    int StepsPerRun,
    double SiloStartSeconds,
    double LaunchSeconds,
    double WallSeconds,
    double ProcessCpuSeconds,
    int Cores,
    double TrainingSeconds,
    double MeanRunTrainingSeconds,
    int Resumes,
    IReadOnlyList<InstrumentTotal> Orleans)
{
    /// <summary>The sum of the runs' training-loop seconds over max_concurrent: the wall time of perfect scheduling.</summary>
    public double IdealSeconds => TrainingSeconds / MaxConcurrent;

    /// <summary>
    /// The share of the machine's cores this process used during the wall time: with max_concurrent runs of one thread each
    /// on a quiet machine about max_concurrent / cores; far below that, other processes took the cores and every time here stretched.
    /// </summary>
    public double CpuShare => ProcessCpuSeconds / (WallSeconds * Cores);

    /// <summary>(wall − ideal) / ideal.</summary>
    public double Overhead => (WallSeconds - IdealSeconds) / IdealSeconds;

    /// <summary>Slot seconds each run cost beyond its training loop: (wall × max_concurrent − training) / runs.</summary>
    public double OverheadSecondsPerRun => (WallSeconds * MaxConcurrent - TrainingSeconds) / Runs;
}
