namespace OrleansSweep.Abstractions;

/// <summary>What a sweep's owner asked of it: to go on, to wait, or to stop for good.</summary>
[GenerateSerializer, Alias("OrleansSweep.SweepPhase")]
public enum SweepPhase
{
    /// <summary>Runs train within max_concurrent until every one is finished.</summary>
    Active,
    /// <summary>Running runs stopped at a checkpoint and no new one starts, until resumed.</summary>
    Paused,
    /// <summary>Every unfinished run stopped for good.</summary>
    Cancelled,
}
