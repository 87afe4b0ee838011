namespace OrleansSweep.Abstractions;

/// <summary>The n-gram rank estimate of one request, computed once and kept; keyed by <see cref="NgramRankRequest.KeyOf"/>.</summary>
public interface INgramRankGrain : IGrainWithStringKey
{
    /// <summary>Starts the computation in the background (a no-op once started or stored) and returns at once.</summary>
    Task StartAsync(NgramRankRequest request);

    /// <summary>The estimate, or null while it is computed (or before it was started).</summary>
    [AlwaysInterleave]
    Task<NgramRankEstimate?> GetAsync();
}
