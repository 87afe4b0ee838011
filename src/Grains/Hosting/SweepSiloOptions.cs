using System.ComponentModel.DataAnnotations;

namespace OrleansSweep.Grains.Hosting;

/// <summary>Where this silo keeps its data, which ports it listens on, and which cluster it joins.</summary>
public sealed class SweepSiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>Holds the LiteDB file (embedded default), fetched corpora and, unless Compute:CheckpointDirectory says otherwise, the checkpoints.</summary>
    [Required(ErrorMessage = "Silo:DataDirectory (--data) is required.")]
    public string DataDirectory { get; set; } = "./.sweep";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535, ErrorMessage = "Silo:SiloPort (--silo-port) must be between 1 and 65535.")]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    [Range(1, 65535, ErrorMessage = "Silo:GatewayPort (--gateway-port) must be between 1 and 65535.")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// host:port of a Redis server: clustering, grain state and reminders go there, so several silos form one cluster. Empty:
    /// the embedded default (one silo, everything in the LiteDB file).
    /// </summary>
    [RegularExpression(@"^$|^[^\s:]+:\d{1,5}$", ErrorMessage = "Silo:Redis (--redis) must be host:port, e.g. 127.0.0.1:6379.")]
    public string? Redis { get; set; }

    /// <summary>Names the cluster in Redis, so several clusters can share one Redis server.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Silo:ClusterId (--cluster-id) must be 1-64 letters, digits, '.', '_' or '-'.")]
    public string ClusterId { get; set; } = "orleans-sweep";

    /// <summary>The IP address other silos and clients reach this silo at; 127.0.0.1 keeps a cluster on one machine.</summary>
    [RegularExpression(@"^[0-9a-fA-F.:]+$", ErrorMessage = "Silo:Address (--address) must be an IP address, e.g. 10.0.0.5.")]
    public string Address { get; set; } = "127.0.0.1";
}
