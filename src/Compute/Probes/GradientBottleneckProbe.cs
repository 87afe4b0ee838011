namespace OrleansSweep.Compute.Probes;

/// <summary>The gradient bottleneck of a model's head at a fixed set of positions.</summary>
public sealed class GradientBottleneckProbe(IProbePositions positions)
{
    /// <summary>Runs <paramref name="model"/> in eval mode without gradients, then restores its mode.</summary>
    public GradientBottleneckResult Measure(IProbedModel model, Device device)
    {
        double kept = 0, suppressed = 0, energy = 0;
        using (model.Evaluating())
        using (var scope = NewDisposeScope())
        {
            // One W and one basis for all batches: the SVD of W costs far more than a batch's projection.
            var weight = model.HeadWeight();
            var basis = GradientBottleneck.ColumnBasis(weight);
            positions.Visit(device, (inputs, rows, targets) =>
            {
                var hidden = model.HiddenStates(inputs)[^1].flatten(0, 1).index_select(0, rows); // (N, d)
                var batch = GradientBottleneck.Project(basis, GradientBottleneck.LogitGradients(nn.functional.linear(hidden, weight), targets));
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
