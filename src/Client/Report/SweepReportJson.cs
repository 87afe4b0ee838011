using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansSweep.Client.Report.Data;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Report;

/// <summary>
/// Writes and reads <see cref="SweepReportData"/> as JSON in the --json form (snake_case). Strict like the spec reader: a missing
/// required field, a null where a value belongs, or an unknown field is an error naming the file and the place.
/// </summary>
public static class SweepReportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonOutput.Options)
    {
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new StoredToleranceRankConverter() },
    };

    /// <summary>Parses <paramref name="path"/>; any problem becomes one sentence naming the file.</summary>
    public static SweepReportData Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"report data file {path} does not exist.", path);
        try
        {
            return JsonSerializer.Deserialize<SweepReportData>(File.ReadAllText(path), Options)
                   ?? throw new ArgumentException($"{path} holds null, not a sweep report.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{path} is not a sweep report: {e.Message.TrimEnd('.')}.");
        }
    }

    /// <summary>Writes <paramref name="data"/> to <paramref name="path"/> in the form <see cref="Load"/> reads; returns the path.</summary>
    public static string Save(SweepReportData data, string path)
    {
        File.WriteAllText(path, JsonSerializer.Serialize(data, Options));
        return path;
    }
}
