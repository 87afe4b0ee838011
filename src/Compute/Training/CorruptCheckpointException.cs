namespace OrleansSweep.Compute.Training;

/// <summary>A checkpoint file that is torn, truncated or altered; it is never loaded.</summary>
public sealed class CorruptCheckpointException(string path, string reason)
    : Exception($"checkpoint {path} is unusable: {reason}.")
{
    public string Path { get; } = path;
}
