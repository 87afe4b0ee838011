namespace OrleansSweep.Compute.Analysis;

/// <summary>
/// SCIENCE.md §6 for one run. Steps are null where the event did not happen.
/// </summary>
public sealed record SaturationResult(
    double BestLoss,            // min of the eval-loss series
    int BestStep,               // its step: the saturation step when Saturated
    double FinalLoss,           // the last eval loss
    bool Saturated,             // final − best > max(0.01, 2·stderr)
    int? SpectrumCollapseStep,  // first step where singular entropy exceeds its running minimum by more than 1 nat
    int? AnisotropyStep);       // first step where final-layer anisotropy exceeds 0.9
