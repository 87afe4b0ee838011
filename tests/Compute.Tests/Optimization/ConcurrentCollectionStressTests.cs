using System.Diagnostics;
using OrleansSweep.Compute.Optimization;

namespace OrleansSweep.Compute.Tests.Optimization;

/// <summary>
/// The reproduction of runs failing at random steps when they share a process: several threads train while another forces
/// collections, so finalizers run while native calls are in flight. Explicit (minutes of CPU, timing-dependent); run with
/// <c>Compute.Tests -class OrleansSweep.Compute.Tests.Optimization.ConcurrentCollectionStressTests -explicit only</c>.
/// </summary>
public sealed class ConcurrentCollectionStressTests(ITestOutputHelper output)
{
    private const int TrainingThreads = 4;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(45);

    [Fact(Explicit = true)]
    public void TorchSharpsAdamWFailsWhenAnotherThreadCollects()
    {
        var (steps, failures) = Stress(own: false);

        Assert.True(failures > 0, $"no failure in {steps} steps: the reproduction no longer reproduces");
    }

    [Fact(Explicit = true)]
    public void AdamWOptimizerSurvivesWhenAnotherThreadCollects()
    {
        var (steps, failures) = Stress(own: true);

        Assert.Equal(0, failures);
        Assert.True(steps > 0);
    }

    private (long Steps, long Failures) Stress(bool own)
    {
        long steps = 0, failures = 0;
        var errors = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        using var stop = new CancellationTokenSource(Duration);
        var collector = new Thread(() =>
        {
            var garbage = new List<object>();
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < 1000; i++) garbage.Add(new byte[256]);
                garbage.Clear();
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        var trainers = Enumerable.Range(0, TrainingThreads).Select(t => new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // A fresh model after a failure: a freed Scalar may have left garbage in the weights.
                using var model = OptimizerFixtures.Model(seed: t);
                using var torchSharp = own ? null : OptimizerFixtures.TorchSharpAdamW(model);
                using var ours = own ? new AdamWOptimizer(OptimizerFixtures.Groups(model), OptimizerFixtures.Beta1, OptimizerFixtures.Beta2) : null;
                try
                {
                    for (var step = 0; !stop.IsCancellationRequested; step++)
                    {
                        var norm = own
                            ? OptimizerFixtures.OwnStep(model, ours!, step, 1.0)
                            : OptimizerFixtures.TorchSharpStep(model, torchSharp!, step, 1.0);
                        Interlocked.Increment(ref steps);
                        if (!double.IsFinite(norm)) throw new InvalidOperationException($"gradient norm {norm}");
                    }
                }
                catch (Exception error)
                {
                    Interlocked.Increment(ref failures);
                    errors.AddOrUpdate($"{error.Message.Split('\n')[0]} {Origin(error)}", 1, (_, n) => n + 1);
                }
            }
        })).ToArray();
        var clock = Stopwatch.StartNew();
        collector.Start();
        foreach (var thread in trainers) thread.Start();
        foreach (var thread in trainers) thread.Join();
        collector.Join();
        output.WriteLine($"{(own ? "AdamWOptimizer" : "TorchSharp AdamW")}: {failures} failures in {steps} steps, {TrainingThreads} threads, {clock.Elapsed.TotalSeconds:F0} s");
        foreach (var (message, count) in errors) output.WriteLine($"  {count} × {message}");
        return (steps, failures);
    }

    // The first TorchSharp frame above the error check: which call's Scalar was freed.
    private static string Origin(Exception error) =>
        error.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("TorchSharp.") && !l.Contains("CheckForErrors")) ?? "?";
}
