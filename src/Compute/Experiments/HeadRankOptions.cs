using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Experiments;

/// <summary>The settings of the frozen-body head-rank experiment (SCIENCE §8).</summary>
public sealed record HeadRankOptions
{
    /// <summary>The ranks r to retrain a head at, each in 1..d; r = d retrains a full-rank head.</summary>
    public IReadOnlyList<int> Ranks { get; init; } = [];

    /// <summary>
    /// How each head trains: steps, batch size, learning-rate schedule, AdamW settings, gradient clip, held-out tokens and the
    /// seed (batches and head init). The cadence fields (eval, log, checkpoint) play no part.
    /// </summary>
    public TrainerOptions Training { get; init; } = new();

    /// <summary>
    /// The body is frozen, so the final hidden states of every training batch are computed once and shared by all ranks when
    /// they fit in this many bytes; otherwise the body runs again for each batch of each rank.
    /// </summary>
    public long HiddenCacheBytes { get; init; } = 1L << 30;

    /// <summary>Throws with one sentence naming the first invalid field, for a model of hidden size <paramref name="dModel"/>.</summary>
    public void Validate(int dModel)
    {
        if (Ranks.Count == 0) throw new ArgumentException("ranks must name at least one rank.");
        foreach (var r in Ranks)
            if (r < 1 || r > dModel) throw new ArgumentException($"ranks must lie in 1..{dModel} (the model's d_model), not {r}.");
        if (Ranks.Distinct().Count() != Ranks.Count) throw new ArgumentException("ranks must not repeat a rank.");
        if (HiddenCacheBytes < 0) throw new ArgumentException("hidden_cache_bytes must not be negative.");
        Training.Validate();
    }
}
