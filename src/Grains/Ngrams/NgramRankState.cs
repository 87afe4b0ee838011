namespace OrleansSweep.Grains.Ngrams;

/// <summary>An n-gram rank grain's persisted state: the request once started, the estimate once computed (then never again).</summary>
[GenerateSerializer, Alias("OrleansSweep.NgramRankState")]
public sealed class NgramRankState
{
    [Id(0)] public NgramRankRequest? Request { get; set; }
    [Id(1)] public NgramRankEstimate? Estimate { get; set; }
}
