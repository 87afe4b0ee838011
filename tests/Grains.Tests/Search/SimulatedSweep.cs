using OrleansSweep.Grains.Search;

namespace OrleansSweep.Grains.Tests.Search;

/// <summary>
/// A sweep of runs whose loss curves share one shape, played out in simulated time on a few slots under successive halving:
/// a run takes its own (seeded) time per step, from 0.75 to 1.25 s, and a slot takes the next run as soon as its run stops or finishes.
/// </summary>
public sealed record SimulatedSweep(
    IReadOnlyList<int> Rungs, IReadOnlyList<int> FinalRank, IReadOnlyList<int> Finished,
    IReadOnlyDictionary<int, int> Reached, IReadOnlyDictionary<int, int> StoppedAt)
{
    /// <summary>Plays out a one-bracket sweep of <paramref name="runs"/> runs.</summary>
    public static SimulatedSweep Run(int runs, int slots, int steps, EarlyTerminateSpec spec, int seed)
    {
        var random = new Random(seed);
        int[] rank = [.. Enumerable.Range(0, runs).OrderBy(_ => random.Next())];
        double[] secondsPerStep = [.. Enumerable.Range(0, runs).Select(_ => 0.75 + 0.5 * random.NextDouble())];
        double Loss(int run, int step) => 1 + rank[run] / 100.0 + 3 / Math.Sqrt(step);

        var halving = new SuccessiveHalving(spec, minimize: true);
        var rungs = halving.Rungs(0, steps);
        var reached = rungs.ToDictionary(r => r, _ => 0);
        var stoppedAt = rungs.ToDictionary(r => r, _ => 0);
        var finished = new List<int>();
        var start = new double[runs];
        // Each entry: a run and the index of its next rung (rungs.Count: its last step), due at the given time.
        var due = new PriorityQueue<(int Run, int Next), double>();
        var launched = 0;
        void Launch(double now)
        {
            if (launched == runs) return;
            start[launched] = now;
            due.Enqueue((launched, 0), now + StepOf(0) * secondsPerStep[launched]);
            launched++;
        }
        int StepOf(int next) => next < rungs.Count ? rungs[next] : steps;

        for (var slot = 0; slot < slots; slot++) Launch(0);
        while (due.TryDequeue(out var entry, out var now))
        {
            var (run, next) = entry;
            if (next == rungs.Count)
            {
                finished.Add(run);
                Launch(now);
                continue;
            }
            var rung = rungs[next];
            reached[rung]++;
            if (halving.Continues(0, rung, Loss(run, rung)))
                due.Enqueue((run, next + 1), start[run] + StepOf(next + 1) * secondsPerStep[run]);
            else
            {
                stoppedAt[rung]++;
                Launch(now);
            }
        }
        return new SimulatedSweep(rungs, rank, finished, reached, stoppedAt);
    }

    /// <summary>The share of the runs reaching the rung that were stopped there.</summary>
    public double StoppedFraction(int rung) => (double)StoppedAt[rung] / Reached[rung];

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join("; ", Rungs.Select(r => $"rung {r}: {StoppedAt[r]} of {Reached[r]} stopped")) +
        $"; finished {Finished.Count}, final ranks {string.Join(",", Finished.Select(r => FinalRank[r]).Order())}";
}
