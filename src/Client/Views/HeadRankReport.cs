using OrleansSweep.Compute.Experiments;

namespace OrleansSweep.Client.Views;

/// <summary>What <c>experiment head-rank</c> prints: the checkpoint and corpus it used, and the experiment's result.</summary>
/// <param name="Checkpoint">The checkpoint whose body was frozen.</param>
/// <param name="Corpus">The corpus the heads trained and were scored on.</param>
/// <param name="Experiment">Eval loss per rank beside the original head's W-error (SCIENCE.md §8).</param>
public sealed record HeadRankReport(string Checkpoint, string Corpus, HeadRankResult Experiment);
