using System.ComponentModel.DataAnnotations;

namespace OrleansSweep.Grains.Hosting;

/// <summary>Where and how this silo trains.</summary>
public sealed class ComputeOptions
{
    public const string SectionName = "Compute";

    /// <summary>auto (CUDA when present, else CPU), cpu or cuda.</summary>
    [RegularExpression("^(auto|cpu|cuda)$", ErrorMessage = "Compute:Device must be auto, cpu or cuda.")]
    public string Device { get; set; } = "auto";

    /// <summary>torch's intra-op threads for this process; 0 keeps torch's default (all cores).</summary>
    [Range(0, 1024, ErrorMessage = "Compute:IntraOpThreads must be between 0 and 1024.")]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Checkpoints go under {CheckpointDirectory}/{run id}/; a shared directory in a cluster.</summary>
    [Required(ErrorMessage = "Compute:CheckpointDirectory is required.")]
    public string CheckpointDirectory { get; set; } = "./.sweep/checkpoints";
}
