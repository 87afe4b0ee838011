using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OrleansSweep.Client.Specs;

/// <summary>Reads a sweep spec from YAML (snake_case field names; unknown fields are errors, not silently ignored).</summary>
public static class SweepSpecYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        // The wire records expose read-only lists; YAML fills them as lists.
        .WithTypeMapping<IReadOnlyList<string>, List<string>>()
        .WithTypeMapping<IReadOnlyList<int>, List<int>>()
        .Build();

    /// <summary>Parses <paramref name="path"/>; any problem becomes one sentence naming the file, line and field.</summary>
    public static SweepSpec Load(string path)
    {
        if (!File.Exists(path)) throw new ArgumentException($"spec file {path} does not exist.");
        return Parse(File.ReadAllText(path), path);
    }

    public static SweepSpec Parse(string yaml, string source = "spec")
    {
        SweepDocument document;
        try
        {
            document = Deserializer.Deserialize<SweepDocument>(yaml)
                ?? throw new ArgumentException($"{source} is empty.");
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).TrimEnd('.');
            throw new ArgumentException($"{source} line {e.Start.Line}: {reason}.");
        }
        return new SweepSpec
        {
            Name = document.Name,
            Corpus = document.Corpus,
            Model = document.Model,
            Training = document.Training,
            Grid = document.Grid.Select(a => new GridAxis(a.Key, a.Value)).ToList(),
            MaxConcurrent = document.MaxConcurrent,
            MaxFailures = document.MaxFailures,
            KeepCheckpoints = document.KeepCheckpoints,
            Probes = document.Probes,
            Analysis = document.Analysis,
        };
    }
}
