namespace OrleansSweep.Grains.Sweeps.Shards;

/// <summary>A shard's persisted rows, in index order; at most <see cref="ISweepShardGrain.Size"/> of them.</summary>
[GenerateSerializer, Alias("OrleansSweep.SweepShardState")]
public sealed class SweepShardState
{
    [Id(0)] public List<RunRow> Rows { get; set; } = [];
}
