using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansSweep.Client.Views;

/// <summary>
/// The --json form of every printed result: the wire records themselves, snake_case names, enums as strings, nulls kept.
/// Written to the raw output writer so no console width wraps it.
/// </summary>
public static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new ToleranceRankTupleConverter() },
    };

    public static void Write<T>(IAnsiConsole console, T value) =>
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, Options));
}
