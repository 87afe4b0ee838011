using OrleansSweep.Compute.Analysis;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>Turns what the runs and their probes recorded into the sweep's results (SCIENCE.md §6–7).</summary>
public static class SweepAggregation
{
    /// <summary>
    /// Rows (the runs given, in their order) with saturation and fit gaps, the fits over those rows, one page of groups, and
    /// the corpus's n-gram rank estimate when one was asked for.
    /// </summary>
    public static SweepResults Results(SweepStatus status, IReadOnlyList<RunObservations> runs, IReadOnlyList<GroupResult> groups,
        int groupCount, NgramRankEstimate? ngram = null, bool ngramPending = false)
    {
        var rows = runs.Select(r => Row(r, status.OptimalLoss)).ToList();
        var laws = ScalingLaws.Fit(rows, status.Spec.Analysis.FitDModels);
        var gaps = laws.SelectMany(l => l.RunIds.Select(id => (id, Law: l))).ToDictionary(p => p.id, p => p.Law);
        rows = rows.Select(row => gaps.TryGetValue(row.RunId, out var law) && row.FinalEvalLoss is { } final
            ? WithGap(row, Predict(law, row.NonEmbeddingParameters), final)
            : row).ToList();
        var pending = rows.Sum(r => r.ProbesPending);
        return new SweepResults
        {
            SweepId = status.SweepId,
            CorpusDescription = status.CorpusDescription,
            OptimalLoss = status.OptimalLoss,
            IsFinished = status.IsFinished && pending == 0 && !ngramPending,
            Runs = rows,
            ScalingLaws = laws,
            ProbesPending = pending,
            Ngram = ngram,
            NgramPending = ngramPending,
            Counts = status.Counts,
            Groups = groups,
            GroupCount = groupCount,
            Metric = status.Spec.Metric,
            Version = status.Version,
        };
    }

    private static RunResult Row(RunObservations run, double? optimalLoss)
    {
        var r = run.Summary;
        var entropy = run.Probe(ProbeKinds.HeadSpectrum, ProbeKinds.SingularEntropy);
        var anisotropy = run.Probe(ProbeKinds.Anisotropy, ProbeKinds.Final);
        var kept = run.Probe(ProbeKinds.GradientBottleneck, ProbeKinds.Kept);
        var saturation = run.EvalLoss.Count == 0
            ? null
            : SaturationDetector.Detect(run.EvalLoss, r.FinalEvalStandardError ?? 0, entropy, anisotropy);
        return new RunResult
        {
            RunId = r.Spec.RunId,
            Model = r.Spec.Model,
            Training = r.Spec.Training,
            State = r.State,
            Step = r.Step,
            Parameters = r.Parameters,
            NonEmbeddingParameters = r.NonEmbeddingParameters,
            BestEvalLoss = r.BestEvalLoss,
            BestEvalStep = r.BestEvalStep,
            FinalEvalLoss = r.FinalEvalLoss,
            FinalEvalStandardError = r.FinalEvalStandardError,
            OptimalLoss = optimalLoss,
            Gap = r.FinalEvalLoss - optimalLoss,
            Saturated = saturation?.Saturated ?? false,
            SpectrumCollapseStep = saturation?.SpectrumCollapseStep,
            AnisotropyStep = saturation?.AnisotropyStep,
            SingularEntropy = entropy.Count > 0 ? entropy[^1].Value : null,
            FinalLayerAnisotropy = anisotropy.Count > 0 ? anisotropy[^1].Value : null,
            GradientKept = kept.Count > 0 ? kept[^1].Value : null,
            ProbesPending = run.Probes.Values.Sum(p => p.Pending),
            StoppedAtStep = r.StoppedAtStep,
            Error = r.Error,
            Index = r.Spec.Index,
        };
    }

    private static RunResult WithGap(RunResult row, double predicted, double final) =>
        row with { ScalingLawLoss = predicted, ScalingLawGap = (final - predicted) / predicted };

    private static double Predict(ScalingLawResult law, long parameters) =>
        new ScalingLawFit(law.E, law.A, law.Alpha, 0).Predict(parameters);
}
