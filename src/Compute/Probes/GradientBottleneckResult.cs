namespace OrleansSweep.Compute.Probes;

/// <summary>How much of the logit gradient survives the head's rank (SCIENCE §4); means over positions.</summary>
/// <param name="Kept">Mean ‖QQᵀg‖/‖g‖.</param>
/// <param name="Suppressed">Mean ‖g − QQᵀg‖/‖g‖.</param>
/// <param name="EnergyKept">Mean kept².</param>
/// <param name="Positions">Positions averaged over.</param>
public sealed record GradientBottleneckResult(double Kept, double Suppressed, double EnergyKept, int Positions);
