namespace OrleansSweep.Compute.Experiments;

/// <summary>The head-rank experiment on one trained model (SCIENCE §8): eval loss against r and against the full head's W-error.</summary>
/// <param name="VocabularySize">V of the model.</param>
/// <param name="DModel">d of the model: the largest rank its head can have.</param>
/// <param name="Steps">Optimizer steps each head trained for.</param>
/// <param name="EvalTokens">Held-out tokens every loss here is scored on.</param>
/// <param name="ReferenceLoss">Held-out loss of the original model, body and head as trained.</param>
/// <param name="ReferenceStandardError">Standard error of <paramref name="ReferenceLoss"/>.</param>
/// <param name="OptimalLoss">The corpus's exact entropy rate when it is a known language, else null.</param>
/// <param name="HiddenStatesCached">Whether the body's training-batch hidden states were computed once for all ranks.</param>
/// <param name="Points">One per rank, in the order asked.</param>
public sealed record HeadRankResult(
    int VocabularySize,
    int DModel,
    int Steps,
    int EvalTokens,
    double ReferenceLoss,
    double ReferenceStandardError,
    double? OptimalLoss,
    bool HiddenStatesCached,
    IReadOnlyList<HeadRankPoint> Points);
