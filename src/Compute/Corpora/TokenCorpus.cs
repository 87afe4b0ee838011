namespace OrleansSweep.Compute.Corpora;

/// <summary>A tokenized corpus split into train and held-out streams.</summary>
public sealed record TokenCorpus(string Description, int VocabularySize, int[] Train, int[] HeldOut, double? OptimalLoss);
