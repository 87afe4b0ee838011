namespace OrleansSweep.Compute.Corpora;

/// <summary>A token stream split into what a model trains on and what it is evaluated on.</summary>
/// <param name="Description">Where the tokens came from, for people reading a run's record.</param>
/// <param name="VocabularySize">Every token id lies in [0, VocabularySize); the model's embedding and head are sized to it.</param>
/// <param name="Train">The training stream.</param>
/// <param name="HeldOut">The evaluation stream, disjoint from <paramref name="Train"/>.</param>
/// <param name="OptimalLoss">The entropy rate in nats per token when the source is a known language, else null.</param>
/// <param name="SequenceLength">
/// 1 for a continuous stream; otherwise both streams are independent sequences of this length, training windows start only
/// at their starts, and the context length must be a multiple of it so that held-out windows do too.
/// </param>
public sealed record TokenCorpus(
    string Description, int VocabularySize, int[] Train, int[] HeldOut, double? OptimalLoss, int SequenceLength = 1);
