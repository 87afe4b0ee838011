namespace OrleansSweep.Compute.Training;

/// <summary>The loss became NaN or infinite at <see cref="Step"/>.</summary>
public sealed class TrainingDivergedException(int step, double loss)
    : Exception($"training diverged at step {step}: loss {loss}.")
{
    public int Step { get; } = step;
}
