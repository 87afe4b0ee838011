namespace OrleansSweep.Compute.Probes;

/// <summary>A set of token positions a probe runs the model on, with the next token at each as its target.</summary>
public interface IProbePositions
{
    /// <summary>Positions in the set (M).</summary>
    int Count { get; }

    /// <summary>
    /// Calls <paramref name="visit"/>(inputs (B, T), rows (N), targets (N)) for batches of windows that hold positions of the
    /// set, in ascending order; rows index the flattened (B·T) positions. Each call runs in its own dispose scope.
    /// </summary>
    void Visit(Device device, Action<Tensor, Tensor, Tensor> visit);
}
