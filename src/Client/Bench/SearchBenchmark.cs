using OrleansSweep.Client.Demo;

namespace OrleansSweep.Client.Bench;

/// <summary>
/// `bench search`: TPE (method bayes) against random search on the demo's low-rank language, at an equal budget of runs: d_model
/// from 8 to 64 and the learning rate searched, 1 layer; the best eval loss each search found, over several search seeds.
/// </summary>
public static class SearchBenchmark
{
    /// <summary>One search: its method and seed, and the best final eval loss of its runs.</summary>
    public sealed record Search(string Method, int Seed, double BestEvalLoss, int Runs);

    /// <summary>The spec of one search; the corpus's optimum (rank 16 over 64 tokens) needs d_model ≥ 17.</summary>
    public static SweepSpec Spec(string method, int seed, int runs, int steps) => DemoSweep.Create($"search-{method}-{seed}", quick: true) with
    {
        Method = method,
        RunCap = runs,
        SearchSeed = seed,
        Grid = [],
        Parameters =
        [
            new ParameterSpec { Name = "d_model", Distribution = "int_uniform", Min = 8, Max = 64 },
            new ParameterSpec { Name = "learning_rate", Distribution = "log_uniform_values", Min = 1e-4, Max = 1e-1 },
        ],
        Training = DemoSweep.Create("", quick: true).Training with { Steps = steps, EvalEvery = steps, CheckpointEvery = steps, WarmupSteps = steps / 20 },
        Probes = new ProbeSpec { Kinds = [] },
        Analysis = new AnalysisSpec { NgramOrder = 0 },
    };

    public static async Task<IReadOnlyList<Search>> RunAsync(int runs, int seeds, int steps, Action<string> progress, CancellationToken cancellation)
    {
        var data = Directory.CreateTempSubdirectory("orleans-sweep-search-");
        try
        {
            await using var silo = await InProcessSilo.StartAsync(data.FullName, threads: 1, cancellation);
            var searches = new List<Search>();
            // Alternated, so a change in the machine's load falls on both methods alike.
            foreach (var seed in Enumerable.Range(0, seeds))
                foreach (var method in new[] { "random", "bayes" })
                {
                    progress($"{method} search, seed {seed}");
                    searches.Add(await SearchAsync(silo.Grains, Spec(method, seed, runs, steps), cancellation));
                }
            return searches;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task<Search> SearchAsync(IGrainFactory grains, SweepSpec spec, CancellationToken cancellation)
    {
        var coordinator = grains.GetGrain<ISweepCoordinatorGrain>(spec.Name);
        var status = await coordinator.LaunchAsync(spec);
        while (!status.IsFinished)
        {
            await coordinator.WaitForChangeAsync(status.Version, TimeSpan.FromSeconds(10)).WaitAsync(cancellation);
            status = (await coordinator.GetStatusAsync())!;
        }
        var results = (await coordinator.GetResultsAsync(new ResultsQuery { Top = 1 }))!;
        return new Search(spec.Method, spec.SearchSeed, results.Runs[0].FinalEvalLoss ?? double.NaN, status.Counts.Completed);
    }
}
