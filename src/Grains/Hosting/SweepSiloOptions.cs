using System.ComponentModel.DataAnnotations;

namespace OrleansSweep.Grains.Hosting;

/// <summary>Where this silo keeps its data and which loopback ports it listens on (the embedded default).</summary>
public sealed class SweepSiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>Holds the LiteDB file and, unless Compute:CheckpointDirectory says otherwise, the checkpoints.</summary>
    [Required(ErrorMessage = "Silo:DataDirectory (--data) is required.")]
    public string DataDirectory { get; set; } = "./.sweep";

    /// <summary>Silo-to-silo port on 127.0.0.1.</summary>
    [Range(1, 65535, ErrorMessage = "Silo:SiloPort (--silo-port) must be between 1 and 65535.")]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port on 127.0.0.1.</summary>
    [Range(1, 65535, ErrorMessage = "Silo:GatewayPort (--gateway-port) must be between 1 and 65535.")]
    public int GatewayPort { get; set; } = 30000;
}
