using OrleansSweep.Compute.Models;

namespace OrleansSweep.Compute.Probes;

/// <summary>The gradient bottleneck of a model's head at a fixed sample of held-out positions.</summary>
public sealed class GradientBottleneckProbe(HeldOutPositions positions)
{
    /// <summary>Runs <paramref name="model"/> in eval mode without gradients, then restores its mode.</summary>
    public GradientBottleneckResult Measure(Gpt model, Device device)
    {
        double kept = 0, suppressed = 0, energy = 0;
        using (new EvaluationMode(model))
        using (var scope = NewDisposeScope())
        {
            // One basis for all batches: the SVD of W costs far more than a batch's projection.
            var basis = GradientBottleneck.ColumnBasis(model.Head.Weight());
            positions.Visit(device, (inputs, rows, targets) =>
            {
                var hidden = model.FinalHidden(inputs).flatten(0, 1).index_select(0, rows); // (N, d)
                var batch = GradientBottleneck.Project(basis, GradientBottleneck.LogitGradients(model.Head.call(hidden), targets));
                // Batch means weighted by their positions: the overall mean over positions.
                kept += batch.Kept * batch.Positions;
                suppressed += batch.Suppressed * batch.Positions;
                energy += batch.EnergyKept * batch.Positions;
            });
        }
        var n = positions.Count;
        return new GradientBottleneckResult(kept / n, suppressed / n, energy / n, n);
    }
}
