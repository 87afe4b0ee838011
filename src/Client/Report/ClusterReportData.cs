using OrleansSweep.Client.Views;
using OrleansSweep.Client.Report.Data;

namespace OrleansSweep.Client.Report;

/// <summary>
/// Fills a sweep's report data from a live cluster: the coordinator's results and each run's eval and probe series, which the
/// coordinator reads once for both (<see cref="ISweepCoordinatorGrain.GetReportAsync"/>).
/// </summary>
public static class ClusterReportData
{
    /// <summary>The report data of sweep <paramref name="sweepId"/>; throws one sentence when no sweep has that id.</summary>
    public static async Task<SweepReportData> FetchAsync(IGrainFactory grains, string sweepId) =>
        From(await grains.GetGrain<ISweepCoordinatorGrain>(sweepId).GetReportAsync()
             ?? throw new ArgumentException($"no sweep has the id '{sweepId}'."));

    /// <summary>The report data of what the coordinator answered.</summary>
    public static SweepReportData From(SweepReport report)
    {
        var results = report.Results;
        var axes = RunAxes.Varying(results.Runs);
        var series = report.Runs.ToDictionary(s => s.RunId);
        var runs = results.Runs.Select(r => Run(r, series[r.RunId], RunAxes.Label(r, axes))).ToArray();
        // The figure draws one fit; with several groups (e.g. a layers axis) the one covering the most runs.
        var law = results.ScalingLaws.OrderByDescending(l => l.RunIds.Count).FirstOrDefault();
        return new SweepReportData
        {
            SweepId = results.SweepId,
            Corpus = results.CorpusDescription,
            OptimalLoss = results.OptimalLoss,
            Fit = law is null ? null : new ScalingFitReportData { E = law.E, A = law.A, Alpha = law.Alpha, FittedRunIds = [.. law.FittedRunIds] },
            Ngram = results.Ngram is { Error: null } ngram
                ? new NgramReportData
                {
                    Order = ngram.Order,
                    WErrorCurve = [.. ngram.WError],
                    RanksAtThreshold = [.. ngram.Ranks],
                    NoiseAwareRank = ngram.NoiseAwareRank,
                }
                : null,
            Runs = runs,
        };
    }

    // A run not probed for a kind has an empty series there, and its figure is skipped with a note.
    private static RunReportData Run(RunResult run, RunSeries series, string label)
    {
        var (loss, stderr) = (series.EvalLoss, series.EvalStandardError);
        var anisotropy = series.Probe(ProbeKinds.Anisotropy);
        var spectrum = series.Probe(ProbeKinds.HeadSpectrum);
        var bottleneck = series.Probe(ProbeKinds.GradientBottleneck);
        return new RunReportData
        {
            RunId = run.RunId,
            Label = label,
            DModel = run.Model.DModel,
            Layers = run.Model.Layers,
            HeadRank = run.Model.HeadRank,
            NonEmbeddingParameters = run.NonEmbeddingParameters,
            FinalLoss = run.FinalEvalLoss,
            BestLoss = run.BestEvalLoss,
            Saturated = run.Saturated,
            SaturationStep = run.Saturated ? run.BestEvalStep : null,
            SpectrumCollapseStep = run.SpectrumCollapseStep,
            AnisotropyStep = run.AnisotropyStep,
            GapToFit = run.ScalingLawGap,
            GapToOptimum = run.Gap,
            EvalLoss = new LossSeries
            {
                Steps = [.. loss.Steps],
                Values = [.. loss.Values],
                StandardErrors = stderr.Steps.SequenceEqual(loss.Steps) ? [.. stderr.Values] : [],
            },
            SingularEntropy = Scalars(spectrum, ProbeKinds.SingularEntropy),
            FinalLayerAnisotropy = Scalars(anisotropy, ProbeKinds.Final),
            GradientKept = Scalars(bottleneck, ProbeKinds.Kept),
            AnisotropyByLayer = Latest(anisotropy, ProbeKinds.PerLayer),
            HeadWError = Latest(spectrum, ProbeKinds.WError),
        };
    }

    private static StepSeries Scalars(ProbeSeries series, string name)
    {
        var points = series.Points.Where(p => p.Scalars.ContainsKey(name)).ToList();
        return new StepSeries { Steps = [.. points.Select(p => p.Step)], Values = [.. points.Select(p => p.Scalars[name])] };
    }

    private static double[] Latest(ProbeSeries series, string name) =>
        series.Points.LastOrDefault(p => p.Vectors.ContainsKey(name)) is { } point ? [.. point.Vectors[name]] : [];
}
