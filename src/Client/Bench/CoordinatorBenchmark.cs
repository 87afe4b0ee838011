using System.Diagnostics;
using OrleansSweep.Client.Demo;

namespace OrleansSweep.Client.Bench;

/// <summary>
/// `bench coordinator`: launch time, status and results latency, storage and memory of a sweep coordinator at two sizes, in
/// one process and one run so the sizes compare side by side. Runs are paused at once, so nothing trains while it measures.
/// </summary>
public static class CoordinatorBenchmark
{
    /// <summary>What one size measured.</summary>
    public sealed record Size(int Runs, double LaunchSeconds, double StatusP50Ms, double StatusP99Ms, double ResultsP50Ms, double ResultsP99Ms,
        double StoredBytesPerRun, double MemoryMiBPer1000Runs);

    public static async Task<IReadOnlyList<Size>> RunAsync(IReadOnlyList<int> sizes, int calls, CancellationToken cancellation)
    {
        var data = Directory.CreateTempSubdirectory("orleans-sweep-bench-");
        try
        {
            await using var silo = await InProcessSilo.StartAsync(data.FullName, threads: 1, cancellation);
            var measured = new List<Size>();
            foreach (var runs in sizes) measured.Add(await MeasureAsync(silo.Grains, data.FullName, runs, calls, cancellation));
            return measured;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task<Size> MeasureAsync(IGrainFactory grains, string data, int runs, int calls, CancellationToken cancellation)
    {
        var spec = DemoSweep.Create($"bench-{runs}", quick: true) with
        {
            Name = $"bench-{runs}",
            Grid = [new GridAxis("seed", [.. Enumerable.Range(1, runs).Select(s => (double)s)])],
            MaxConcurrent = 1,
            Analysis = new AnalysisSpec { NgramOrder = 0 },
            Probes = new ProbeSpec { Kinds = [] },
        };
        var coordinator = grains.GetGrain<ISweepCoordinatorGrain>(spec.Name);
        var bytesBefore = StoredBytes(data);
        var memoryBefore = Memory();
        var launch = Stopwatch.StartNew();
        await coordinator.LaunchAsync(spec).WaitAsync(cancellation);
        launch.Stop();
        await coordinator.PauseAsync();
        var storedPerRun = (StoredBytes(data) - bytesBefore) / (double)runs;
        var memoryPer1000 = (Memory() - memoryBefore) / 1024.0 / 1024.0 / (runs / 1000.0);
        var random = new Random(0);
        var pages = Math.Max(1, runs / 50);
        var status = await TimeAsync(calls, () => coordinator.GetStatusAsync(new StatusQuery { Page = random.Next(1, pages + 1), PageSize = 50 }), cancellation);
        var results = await TimeAsync(calls, () => coordinator.GetResultsAsync(new ResultsQuery { Top = 50 }), cancellation);
        await coordinator.CancelAsync();
        return new Size(runs, launch.Elapsed.TotalSeconds, Percentile(status, 0.5), Percentile(status, 0.99),
            Percentile(results, 0.5), Percentile(results, 0.99), storedPerRun, memoryPer1000);
    }

    private static async Task<List<double>> TimeAsync<T>(int calls, Func<Task<T>> call, CancellationToken cancellation)
    {
        for (var i = 0; i < 10; i++) await call(); // warm
        var times = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            await call();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    // LiteDB's file and its log: what the store holds on disk.
    private static long StoredBytes(string data) =>
        new DirectoryInfo(data).EnumerateFiles("sweep*.db", SearchOption.TopDirectoryOnly).Sum(f => f.Length);

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
