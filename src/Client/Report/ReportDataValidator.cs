using OrleansSweep.Client.Report.Data;

namespace OrleansSweep.Client.Report;

/// <summary>
/// Checks what a figure would otherwise misdraw silently: aligned series, unique run ids. Runs before any file is written,
/// so bad data leave the report folder as it was.
/// </summary>
public static class ReportDataValidator
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the run and series at the first inconsistency.</summary>
    public static void Validate(SweepReportData data)
    {
        if (data.Runs.GroupBy(r => r.RunId).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new ArgumentException($"the report lists run '{duplicate.Key}' twice; run ids must be unique.");
        foreach (var run in data.Runs)
        {
            Aligned(run, "eval_loss", run.EvalLoss.Steps.Length, run.EvalLoss.Values.Length);
            if (run.EvalLoss.StandardErrors.Length is not 0 && run.EvalLoss.StandardErrors.Length != run.EvalLoss.Values.Length)
                throw new ArgumentException(
                    $"run '{run.RunId}': eval_loss has {run.EvalLoss.Values.Length} values but {run.EvalLoss.StandardErrors.Length} standard errors.");
            Aligned(run, "singular_entropy", run.SingularEntropy.Steps.Length, run.SingularEntropy.Values.Length);
            Aligned(run, "final_layer_anisotropy", run.FinalLayerAnisotropy.Steps.Length, run.FinalLayerAnisotropy.Values.Length);
            Aligned(run, "gradient_kept", run.GradientKept.Steps.Length, run.GradientKept.Values.Length);
        }
    }

    private static void Aligned(RunReportData run, string series, int steps, int values)
    {
        if (steps != values)
            throw new ArgumentException($"run '{run.RunId}': {series} has {steps} steps but {values} values.");
    }
}
