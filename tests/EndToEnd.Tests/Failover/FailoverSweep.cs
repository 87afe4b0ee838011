using OrleansSweep.Abstractions;
using OrleansSweep.Client.Connection;
using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Devices;
using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Runs;

namespace OrleansSweep.EndToEnd.Tests.Failover;

/// <summary>
/// The sweep the failover tests launch, and what they check of it once done: every run completed with no application
/// error, series without a gap or a duplicate, and values equal to the same runs trained here without interruption.
/// </summary>
public static class FailoverSweep
{
    public const int Steps = 1200;
    public const int LogEvery = 10;
    public const int EvalEvery = 40;

    /// <summary>Probes of the last kill test: cheap head spectra at three steps.</summary>
    public static readonly ProbeSpec HeadSpectrumProbes = new() { Every = 400, LogSpaced = false, Positions = 64, Kinds = ["head_spectrum"] };

    /// <summary>
    /// Four tiny runs of 1200 steps, all training at once, checkpointing every 40 steps, probed only with <paramref name="probes"/>;
    /// a larger <paramref name="batchSize"/> makes each step slower, not the run longer.
    /// </summary>
    public static SweepSpec Spec(string name, ProbeSpec? probes = null, int batchSize = 8) =>
        TinySweeps.Create(name, Steps, [new GridAxis("seed", [1, 2, 3, 4])], maxConcurrent: 4) with
        {
            Training = TinySweeps.Training(Steps) with { BatchSize = batchSize, EvalEvery = EvalEvery, LogEvery = LogEvery, CheckpointEvery = EvalEvery },
            Probes = probes ?? new ProbeSpec { Kinds = [] },
            Analysis = new AnalysisSpec { NgramOrder = 0 },
        };

    /// <summary>
    /// Waits until the cluster counts <paramref name="silos"/> active silos. Gateways accept connections before every silo
    /// has seen every other join, and a launch before then spreads its runs over fewer silos.
    /// </summary>
    public static async Task UntilSilosActiveAsync(ClusterTarget target, int silos, TimeSpan patience, CancellationToken cancellation)
    {
        await using var connection = await ClusterConnection.ConnectAsync(target, cancellation);
        var management = connection.Client.GetGrain<IManagementGrain>(0);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(patience);
        while (true)
        {
            try
            {
                // A gateway still joining may leave a call unanswered (seen in CI: 30 s, then a timeout): ask again.
                if ((await management.GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5), deadline.Token)).Count >= silos) return;
            }
            catch (Exception e) when (e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
            {
            }
            await Task.Delay(100, deadline.Token);
        }
    }

    /// <summary>Polls the coordinator until <paramref name="done"/>, through whatever silo answers: calls that fail while a dead silo is noticed are retried.</summary>
    public static async Task<SweepStatus> UntilAsync(
        ClusterConnection connection, string sweep, Func<SweepStatus, bool> done, TimeSpan patience, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(patience);
        SweepStatus? last = null;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await connection.Client.GetGrain<ISweepCoordinatorGrain>(sweep).GetStatusAsync().WaitAsync(TimeSpan.FromSeconds(10), deadline.Token);
                if (last is not null && done(last)) return last;
            }
            catch (Exception e) when (e is not OperationCanceledException || !deadline.IsCancellationRequested)
            {
                lastError = e;
            }
            try
            {
                await Task.Delay(200, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                throw new TimeoutException($"not done within {patience}; last status: {Describe(last)}; last error: {lastError?.Message}");
            }
        }
    }

    /// <summary>
    /// Waits, without asking the cluster anything, until a checkpoint newer than <paramref name="before"/> appears (of one of
    /// <paramref name="runs"/>, or of any run): training resumed by itself.
    /// </summary>
    public static async Task<int> UntilNewCheckpointAsync(
        string checkpoints, IReadOnlyDictionary<string, int> before, TimeSpan patience, CancellationToken cancellation, IReadOnlyCollection<string>? runs = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(patience);
        while (true)
        {
            var newer = NewestCheckpoints(checkpoints).Where(c => (runs is null || runs.Contains(c.Key)) && c.Value > before.GetValueOrDefault(c.Key))
                .Select(c => c.Value).ToList();
            if (newer.Count > 0) return newer.Max();
            try
            {
                await Task.Delay(100, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                throw new TimeoutException($"no run wrote a new checkpoint under {checkpoints} within {patience} of the restart.");
            }
        }
    }

    /// <summary>Run id → the step of its newest checkpoint file.</summary>
    public static Dictionary<string, int> NewestCheckpoints(string checkpoints) =>
        Directory.Exists(checkpoints)
            ? Directory.GetDirectories(checkpoints)
                .Select(d => (Run: Path.GetFileName(d), Files: CheckpointFile.InDirectory(d)))
                .Where(r => r.Files.Count > 0)
                .ToDictionary(r => r.Run, r => r.Files[^1].Step)
            : [];

    /// <summary>Everything a finished, failed-over sweep must show.</summary>
    public static async Task AssertCompleteAndExactAsync(ClusterConnection connection, SweepStatus done, string checkpoints)
    {
        Assert.All(done.Runs, r =>
        {
            Assert.Equal(RunState.Completed, r.State);
            Assert.Equal(r.Spec.Training.Steps, r.Step);
            Assert.Equal(0, r.Failures);
        });
        // Finished includes every queued probe measured: a probe queue on a killed silo is taken up elsewhere too.
        var coordinator = connection.Client.GetGrain<ISweepCoordinatorGrain>(done.SweepId);
        var results = (await coordinator.GetResultsAsync())!;
        for (var wait = 0; !results.IsFinished && wait < 600; wait++)
        {
            await Task.Delay(100);
            results = (await coordinator.GetResultsAsync())!;
        }
        Assert.True(results.IsFinished, "probes still pending a minute after the runs finished");
        ComputeDevice.SetIntraOpThreads(1);
        foreach (var run in done.Runs)
        {
            var steps = run.Spec.Training.Steps;
            var grain = connection.Client.GetGrain<ITrainingRunGrain>(run.Spec.RunId);
            var trainLoss = await grain.GetSeriesAsync(MetricNames.TrainLoss);
            var evalLoss = await grain.GetSeriesAsync(MetricNames.EvalLoss);
            // One value per step, none missing, none twice, across every resume.
            Assert.Equal(Enumerable.Range(1, steps / LogEvery).Select(i => i * LogEvery), trainLoss.Steps);
            Assert.Equal(Enumerable.Range(0, steps / EvalEvery + 1).Select(i => i * EvalEvery), evalLoss.Steps);
            // Across processes the same float32 math can round differently in the last bit (CPU kernels take other code paths
            // for differently aligned buffers), so values here agree to 1e-5; a resume from a wrong step or without the
            // optimizer state misses by orders more. In one process resumption is exact to the bit (TrainerTests, SweepLifetimeTests).
            var (referenceTrain, referenceEval) = Uninterrupted(run.Spec);
            Assert.Equal(referenceTrain, trainLoss.Values, SameFloat32);
            Assert.Equal(referenceEval, evalLoss.Values, SameFloat32);
            var result = Assert.Single(results.Runs, r => r.RunId == run.Spec.RunId);
            Assert.Equal(evalLoss.Values[^1], result.FinalEvalLoss);
            // Retention: the newest keep_checkpoints and every probe step's; nothing torn left behind by the kills. Besides the
            // checkpoint_every cadence, a run stopped gracefully (its grain deactivated, or an infrastructure error) checkpoints
            // the step it reached, and its next activation resumes from there.
            var directory = Path.Combine(checkpoints, run.Spec.RunId);
            var written = Enumerable.Range(1, steps / EvalEvery).Select(i => i * EvalEvery).Union(run.Resumes.Select(r => r.FromStep).Where(s => s > 0));
            var kept = written.Order().TakeLast(run.Spec.KeepCheckpoints).Concat(Grains.Runs.RunSpecMapping.ToProbeSteps(run.Spec));
            Assert.Equal(kept.Distinct().Order(), CheckpointFile.InDirectory(directory).Select(c => c.Step));
            Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
            foreach (var kind in run.Spec.Probes.Kinds)
            {
                var probes = await connection.Client.GetGrain<IProbeGrain>(IProbeGrain.Key(run.Spec.RunId, kind)).GetSeriesAsync();
                var expected = Grains.Runs.RunSpecMapping.ToProbeSteps(run.Spec).Order();
                Assert.Equal(expected, probes.Points.Select(p => p.Step));
                Assert.Empty(probes.Errors);
            }
        }
    }

    private static bool SameFloat32(double expected, double actual) => Math.Abs(expected - actual) <= 1e-5 * Math.Abs(expected);

    /// <summary>The run trained here from step 0 to the end with no stop: its train and eval losses.</summary>
    private static (List<double> Train, List<double> Eval) Uninterrupted(RunSpec spec)
    {
        // A sampled corpus reads nothing from the data folder; an empty one stands in.
        using var data = new TemporaryDirectory();
        var corpus = new CorpusCatalog(data.Path).Get(spec.Corpus);
        using var trainer = new Trainer(RunSpecMapping.ToGptConfig(spec, corpus.VocabularySize), RunSpecMapping.ToTrainerOptions(spec), corpus, TorchSharp.torch.CPU);
        var (train, eval) = (new List<double>(), new List<double>());
        trainer.Run(new TrainingCallbacks(OnStep: m => train.Add(m.Loss), OnEval: e => eval.Add(e.Loss)), null, CancellationToken.None);
        return (train, eval);
    }

    public static string Describe(SweepStatus? status) => status is null ? "none"
        : string.Join("; ", status.Runs.Select(r => $"{r.Spec.RunId} {r.State} step {r.Step} on {r.Silo} resumes {r.Resumes.Count}"));
}
