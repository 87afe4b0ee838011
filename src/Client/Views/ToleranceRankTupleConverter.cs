using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansSweep.Client.Views;

/// <summary>
/// Compute reports a rank at a tolerance as a named tuple, whose names JSON cannot see (a tuple has only fields Item1 and
/// Item2), so --json writes it as the wire record <see cref="ToleranceRank"/>: the same form as an n-gram estimate's ranks.
/// </summary>
public sealed class ToleranceRankTupleConverter : JsonConverter<(double Tolerance, int? Rank)>
{
    public override (double Tolerance, int? Rank) Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<ToleranceRank>(ref reader, options) is { } rank
            ? (rank.Tolerance, rank.Rank)
            : throw new JsonException("a rank at a tolerance is null; it needs a tolerance and a rank.");

    public override void Write(Utf8JsonWriter writer, (double Tolerance, int? Rank) value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new ToleranceRank(value.Tolerance, value.Rank), options);
}
