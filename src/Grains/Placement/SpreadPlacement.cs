namespace OrleansSweep.Grains.Placement;

/// <summary>Places each new activation on the next compatible silo in turn, so a sweep's runs train on every silo at once.</summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.SpreadPlacement")]
public sealed class SpreadPlacement : PlacementStrategy;
