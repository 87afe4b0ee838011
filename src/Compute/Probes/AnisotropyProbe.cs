using OrleansSweep.Compute.Models;

namespace OrleansSweep.Compute.Probes;

/// <summary>Anisotropy of every layer's hidden states at a fixed sample of held-out positions.</summary>
public sealed class AnisotropyProbe(HeldOutPositions positions)
{
    /// <summary>Runs <paramref name="model"/> in eval mode without gradients, then restores its mode.</summary>
    public AnisotropyResult Measure(Gpt model, Device device)
    {
        double[] values;
        using (new EvaluationMode(model))
        using (var scope = NewDisposeScope())
        {
            var layers = Enumerable.Range(0, model.Config.Layers + 2).Select(_ => new List<Tensor>()).ToArray();
            positions.Visit(device, (inputs, rows, _) =>
            {
                var states = model.HiddenStates(inputs);
                for (var l = 0; l < states.Count; l++)
                    layers[l].Add(states[l].flatten(0, 1).index_select(0, rows).to(float64).MoveToOuterDisposeScope()); // (N, d)
            });
            values = layers.Select(rows => Anisotropy.Of(cat(rows, 0))).ToArray();
        }
        return new AnisotropyResult(values[..^1], values[^1], positions.Count);
    }
}
