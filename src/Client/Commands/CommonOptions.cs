namespace OrleansSweep.Client.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON document (the wire records, snake_case) instead of tables.",
    };

    /// <summary>Where torch computes; `ComputeDevice.Select` reads the value.</summary>
    public static Option<string> Device() => new Option<string>("--device")
    {
        Description = "auto (CUDA when TorchSharp sees it, else CPU), cpu or cuda.",
        DefaultValueFactory = _ => "auto",
    }.AcceptOnlyFromAmong("auto", "cpu", "cuda");

    /// <summary>The data directory: a silo's LiteDB file and checkpoints, and the corpora `data fetch` stores (`&lt;data&gt;/corpora`).</summary>
    public static Option<string> Data(string description) => new("--data")
    {
        Description = description,
        DefaultValueFactory = _ => "./.sweep",
    };
}
