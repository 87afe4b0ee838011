namespace OrleansSweep.Client.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Option<string> Gateway() => new("--gateway")
    {
        Description = "Silo gateway(s) to connect through, host:port, comma-separated; the client fails over between them.",
        DefaultValueFactory = _ => "127.0.0.1:30000",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON document (the wire records, snake_case) instead of tables.",
    };
}
