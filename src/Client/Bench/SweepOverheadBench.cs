using System.Diagnostics;
using OrleansSweep.Client.Demo;

namespace OrleansSweep.Client.Bench;

/// <summary>
/// What a sweep costs beyond its training: one embedded silo in this process trains a grid of tiny runs two at a time, and
/// the wall time from the launch call to the last run's end is set against the runs' own training-loop seconds.
/// </summary>
public static class SweepOverheadBench
{
    /// <summary>Runs training at once, as the measurement has it.</summary>
    public const int MaxConcurrent = 2;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    // Orleans' own instruments whose totals the breakdown shows: state reads and writes, and grain activations.
    private static readonly string[] Instruments =
        ["orleans-storage-read-latency", "orleans-storage-write-latency", "orleans-catalog-activation-latency"];

    /// <summary>
    /// A grid of <paramref name="runs"/> seeds of one tiny model (V=64, T=32, d=16, one layer): 200 steps of 16 sequences,
    /// evaluated and checkpointed every 50, about half a second of training each on one core; no probes, no n-gram estimate.
    /// </summary>
    public static SweepSpec Spec(int runs) => new()
    {
        Name = $"bench-sweep-{runs}",
        Corpus = new CorpusSpec { Vocabulary = 64, Rank = 16, TrainTokens = 1 << 17, HeldOutTokens = 1 << 13 },
        Model = new ModelSpec { Context = 32, DModel = 16, Layers = 1, Heads = 1 },
        Training = new TrainingSpec
        {
            Steps = 200, BatchSize = 16, LearningRate = 1e-2, WarmupSteps = 10, EvalEvery = 50, EvalTokens = 2048, CheckpointEvery = 50,
        },
        Grid = [new GridAxis("seed", Enumerable.Range(1, runs).Select(s => (double)s).ToList())],
        MaxConcurrent = MaxConcurrent,
        Probes = new ProbeSpec { Kinds = [] },
        Analysis = new AnalysisSpec { NgramOrder = 0 },
    };

    /// <summary>Starts a silo on a fresh data directory under <paramref name="dataDirectory"/>, runs the sweep to its end and measures it.</summary>
    public static async Task<SweepOverheadReport> MeasureAsync(int runs, string dataDirectory, int threads, Action<string> progress, CancellationToken cancellation)
    {
        var spec = Spec(runs);
        var siloClock = Stopwatch.StartNew();
        await using var silo = await InProcessSilo.StartAsync(dataDirectory, threads, cancellation);
        var siloSeconds = siloClock.Elapsed.TotalSeconds;
        using var totals = new InstrumentTotals(Instruments);
        var coordinator = silo.Grains.GetGrain<ISweepCoordinatorGrain>(spec.Name);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await coordinator.LaunchAsync(spec);
        var launchSeconds = wall.Elapsed.TotalSeconds;
        SweepStatus status;
        while (!(status = (await coordinator.GetStatusAsync())!).IsFinished)
        {
            progress($"{status.Counts.Finished} of {runs} runs finished");
            await Task.Delay(PollInterval, cancellation);
        }
        var wallSeconds = wall.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

        // Every run, a page at a time: the status holds one page.
        var all = new List<RunSummary>();
        for (var page = 1; all.Count < status.Counts.Total; page++)
            all.AddRange((await coordinator.GetStatusAsync(new StatusQuery { Page = page, PageSize = StatusQuery.MaxPageSize }))!.Runs);
        if (all.Count != runs)
            throw new InvalidOperationException($"the sweep lists {all.Count} runs, not the {runs} launched; the bench needs every run's training seconds.");
        if (all.FirstOrDefault(r => r.State != RunState.Completed) is { } unfinished)
            throw new InvalidOperationException($"run {unfinished.Spec.RunId} ended {unfinished.State}: {unfinished.Error}");
        var training = all.Select(r => r.TrainingSeconds ?? throw new InvalidOperationException($"run {r.Spec.RunId} reported no training seconds.")).ToList();
        return new SweepOverheadReport(
            Runs: runs,
            MaxConcurrent: MaxConcurrent,
            Threads: threads,
            StepsPerRun: spec.Training.Steps,
            SiloStartSeconds: siloSeconds,
            LaunchSeconds: launchSeconds,
            WallSeconds: wallSeconds,
            ProcessCpuSeconds: cpuSeconds,
            Cores: Environment.ProcessorCount,
            TrainingSeconds: training.Sum(),
            MeanRunTrainingSeconds: training.Average(),
            Resumes: all.Sum(r => r.Resumes.Count),
            Orleans: totals.Read());
    }
}
