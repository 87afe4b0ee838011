using System.Text.Json;
using OrleansSweep.Compute.Analysis;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// SCIENCE.md §7 across a sweep: runs that differ only in size (d_model, layers, heads, mlp_ratio) form a group; each group
/// with finished runs at three or more sizes gets one fit, on the larger half of its sizes or on the d_model values named.
/// A fit whose loss does not fall with size (α ≤ 0: larger runs not converged, or diverging) is no scaling law; it is left
/// out, so no run gets a gap to it.
/// </summary>
public static class ScalingLaws
{
    public static IReadOnlyList<ScalingLawResult> Fit(IReadOnlyList<RunResult> runs, IReadOnlyList<int> fitDModels)
    {
        var laws = new List<ScalingLawResult>();
        foreach (var group in runs.GroupBy(SizeFreeKey))
        {
            var finished = group.Where(r => r.State == RunState.Completed && r.FinalEvalLoss is > 0 && r.NonEmbeddingParameters > 0).ToList();
            var fitted = fitDModels.Count > 0
                ? finished.Where(r => fitDModels.Contains(r.Model.DModel)).ToList()
                : LargerHalf(finished);
            if (fitted.Select(r => r.NonEmbeddingParameters).Distinct().Count() < 3) continue;
            var fit = ScalingLawFit.Fit(fitted.Select(r => ((double)r.NonEmbeddingParameters, r.FinalEvalLoss!.Value)).ToList());
            if (fit.Alpha <= 0) continue;
            laws.Add(new ScalingLawResult
            {
                E = fit.E,
                A = fit.A,
                Alpha = fit.Alpha,
                FittedRunIds = fitted.Select(r => r.RunId).ToList(),
                RunIds = group.Select(r => r.RunId).ToList(),
            });
        }
        return laws;
    }

    // The larger half of the distinct sizes, but never fewer than the three a three-parameter fit needs.
    private static List<RunResult> LargerHalf(List<RunResult> runs)
    {
        var sizes = runs.Select(r => r.NonEmbeddingParameters).Distinct().OrderDescending().ToList();
        var kept = sizes.Take(Math.Max(3, (sizes.Count + 1) / 2)).ToHashSet();
        return runs.Where(r => kept.Contains(r.NonEmbeddingParameters)).ToList();
    }

    private static string SizeFreeKey(RunResult run) => JsonSerializer.Serialize(new
    {
        Model = run.Model with { DModel = 0, Layers = 0, Heads = 0, MlpRatio = 0 },
        run.Training,
    });
}
