using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// A run's id: its sweep id and a hash of what it trains (corpus, model, training), so launching a spec again finds its runs.
/// A field added to those records later would change every id; listed in <see cref="AddedLater"/>, it is left out of the hash
/// while at its default, so specs written before it keep their ids.
/// </summary>
public static class RunIdentity
{
    /// <summary>
    /// (section, property) of each field added to <see cref="CorpusSpec"/>, <see cref="ModelSpec"/> or <see cref="TrainingSpec"/>
    /// after run ids were first issued, as the hash's JSON names them: ("model", nameof(ModelSpec.NewField)). None yet.
    /// </summary>
    public static readonly IReadOnlyList<(string Section, string Property)> AddedLater = [];

    /// <summary>sweep-id.hash, where the hash is the first 12 hex digits of the SHA-256 of the run's configuration.</summary>
    public static string Of(string sweepId, CorpusSpec corpus, ModelSpec model, TrainingSpec training) =>
        Of(sweepId, corpus, model, training, AddedLater);

    /// <summary><see cref="Of(string, CorpusSpec, ModelSpec, TrainingSpec)"/> with the fields added later given, so tests can list one.</summary>
    public static string Of(string sweepId, CorpusSpec corpus, ModelSpec model, TrainingSpec training,
        IReadOnlyList<(string Section, string Property)> addedLater)
    {
        // The exact bytes every id so far was hashed from; the node path below writes the same bytes less the fields it removes.
        var configuration = new { sweepId, corpus, model, training };
        if (addedLater.Count == 0) return Hash(sweepId, JsonSerializer.SerializeToUtf8Bytes(configuration));
        var node = JsonSerializer.SerializeToNode(configuration)!.AsObject();
        var defaults = JsonSerializer.SerializeToNode(new { sweepId, corpus = new CorpusSpec(), model = new ModelSpec(), training = new TrainingSpec() })!;
        foreach (var (section, property) in addedLater)
        {
            var fields = node[section]!.AsObject();
            if (JsonNode.DeepEquals(fields[property], defaults[section]![property])) fields.Remove(property);
        }
        return Hash(sweepId, JsonSerializer.SerializeToUtf8Bytes(node));
    }

    private static string Hash(string sweepId, byte[] canonical) => $"{sweepId}.{Convert.ToHexStringLower(SHA256.HashData(canonical))[..12]}";
}
