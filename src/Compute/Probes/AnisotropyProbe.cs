using OrleansSweep.Compute.Arithmetic;

namespace OrleansSweep.Compute.Probes;

/// <summary>Anisotropy of every layer's hidden states at a fixed set of positions.</summary>
public sealed class AnisotropyProbe(IProbePositions positions)
{
    /// <summary>Runs <paramref name="model"/> in eval mode without gradients, then restores its mode.</summary>
    public AnisotropyResult Measure(IProbedModel model, Device device)
    {
        double[] values;
        using (model.Evaluating())
        using (var scope = NewDisposeScope())
        {
            // Running sums of unit vectors, one per layer: memory stays O(L·d) however many positions the set holds.
            var d = model.HeadWeight().shape[1];
            var sums = Enumerable.Range(0, model.Layers + 2).Select(_ => zeros(d, float64, device)).ToArray();
            positions.Visit(device, (inputs, rows, _) =>
            {
                var states = model.HiddenStates(inputs);
                for (var l = 0; l < states.Count; l++) sums[l].PlusInPlace(Anisotropy.UnitSum(states[l].flatten(0, 1).index_select(0, rows))); // (N, d) → (d)
            });
            values = sums.Select(sum => Anisotropy.FromUnitSum(sum, positions.Count)).ToArray();
        }
        return new AnisotropyResult(values[..^1], values[^1], positions.Count);
    }
}
