using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansSweep.Client.Report;

/// <summary>
/// Report data names a rank's tolerance "tolerance", as the wire record does; files saved before named it "tau", and still read.
/// </summary>
public sealed class StoredToleranceRankConverter : JsonConverter<ToleranceRank>
{
    public override ToleranceRank Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var stored = JsonSerializer.Deserialize<StoredRank>(ref reader, options)
                     ?? throw new JsonException("a rank at a tolerance is null; it needs a tolerance and a rank.");
        return new ToleranceRank(stored.Tolerance ?? stored.Tau ?? throw new JsonException("a rank at a tolerance has no tolerance."), stored.Rank);
    }

    public override void Write(Utf8JsonWriter writer, ToleranceRank value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new StoredRank(value.Tolerance, null, value.Rank), options);

    private sealed record StoredRank(
        double? Tolerance,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Tau,
        int? Rank);
}
