namespace OrleansSweep.Compute.Analysis;

/// <summary>Finds where a run saturates, per SCIENCE.md §6.</summary>
public static class SaturationDetector
{
    /// <summary>The floor on the loss rise that counts as saturation, whatever the standard error.</summary>
    public const double MinimumRise = 0.01;

    /// <summary>The rise of singular entropy above its minimum that marks the spectrum collapse.</summary>
    public const double CollapseRise = 1.0;

    /// <summary>The final-layer anisotropy that marks a degenerate representation.</summary>
    public const double AnisotropyThreshold = 0.9;

    /// <param name="evalLoss">(step, loss), steps ascending; at least one point.</param>
    /// <param name="finalStandardError">The standard error of the final evaluation.</param>
    /// <param name="singularEntropy">(step, nats), steps ascending; may be empty.</param>
    /// <param name="finalLayerAnisotropy">(step, anisotropy), steps ascending; may be empty.</param>
    public static SaturationResult Detect(
        IReadOnlyList<(int Step, double Value)> evalLoss,
        double finalStandardError,
        IReadOnlyList<(int Step, double Value)> singularEntropy,
        IReadOnlyList<(int Step, double Value)> finalLayerAnisotropy)
    {
        if (evalLoss.Count == 0) throw new ArgumentException("the eval-loss series is empty.");
        // The first minimum wins a tie, so a plateau saturates at its start.
        var best = evalLoss.Aggregate((a, b) => b.Value < a.Value ? b : a);
        var final = evalLoss[^1];
        var saturated = final.Value - best.Value > Math.Max(MinimumRise, 2 * finalStandardError);
        return new SaturationResult(best.Value, best.Step, final.Value, saturated,
            CollapseStep(singularEntropy), FirstStepAbove(finalLayerAnisotropy, AnisotropyThreshold));
    }

    private static int? FirstStepAbove(IReadOnlyList<(int Step, double Value)> series, double threshold)
    {
        foreach (var (step, value) in series)
            if (value > threshold) return step;
        return null;
    }

    private static int? CollapseStep(IReadOnlyList<(int Step, double Value)> entropy)
    {
        var minimum = double.PositiveInfinity;
        foreach (var (step, value) in entropy)
        {
            if (value > minimum + CollapseRise) return step;
            minimum = Math.Min(minimum, value);
        }
        return null;
    }
}
