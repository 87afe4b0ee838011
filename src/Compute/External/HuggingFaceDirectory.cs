using System.Text.Json;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.External;

/// <summary>
/// A Hugging Face model directory: config.json and one model.safetensors. Reads of the config name the file and the field
/// when something is missing, so a user sees one sentence, not a parser's stack trace.
/// </summary>
public sealed class HuggingFaceDirectory
{
    private const string WeightsName = "model.safetensors";
    private readonly JsonElement config;

    private HuggingFaceDirectory(string path, string configPath, JsonElement config)
    {
        Path = path;
        ConfigPath = configPath;
        this.config = config;
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>Its config.json.</summary>
    public string ConfigPath { get; }

    /// <summary>The config's model_type ("gpt2", "gpt_neox", …); empty when it names none.</summary>
    public string ModelType => Text("model_type", "");

    /// <summary>Whether <paramref name="path"/> is a directory with a config.json.</summary>
    public static bool IsOne(string path) => File.Exists(System.IO.Path.Combine(path, "config.json"));

    /// <summary>Reads <paramref name="path"/>/config.json.</summary>
    public static HuggingFaceDirectory Open(string path)
    {
        var configPath = System.IO.Path.Combine(path, "config.json");
        if (!File.Exists(configPath)) throw new FileNotFoundException($"{path} has no config.json, so it is not a Hugging Face model directory.", configPath);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(configPath));
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException();
            return new HuggingFaceDirectory(path, configPath, document.RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new CorruptCheckpointException(configPath, "it is not a JSON object");
        }
    }

    /// <summary>The first of <paramref name="names"/> the config holds, as an integer (GPT-2 configs spell some fields two ways).</summary>
    public int Integer(params string[] names)
    {
        foreach (var name in names)
            if (config.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
                return value.TryGetInt32(out var number) ? number : throw Invalid(name, "an integer");
        throw new CorruptCheckpointException(ConfigPath, $"it lacks '{names[0]}'");
    }

    /// <summary>An integer field, or null when absent or null.</summary>
    public int? OptionalInteger(string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.TryGetInt32(out var number) ? number : throw Invalid(name, "an integer")
            : null;

    /// <summary>A number field, or <paramref name="fallback"/> when absent.</summary>
    public double Number(string name, double fallback) =>
        config.TryGetProperty(name, out var value) ? value.TryGetDouble(out var number) ? number : throw Invalid(name, "a number") : fallback;

    /// <summary>A string field, or <paramref name="fallback"/> when absent.</summary>
    public string Text(string name, string fallback) =>
        config.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Invalid(name, "a string") : fallback;

    /// <summary>A boolean field, or <paramref name="fallback"/> when absent.</summary>
    public bool Flag(string name, bool fallback) =>
        config.TryGetProperty(name, out var value)
            ? value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Invalid(name, "true or false")
            : fallback;

    /// <summary>Opens the directory's model.safetensors.</summary>
    public SafetensorsFile OpenWeights()
    {
        var weights = System.IO.Path.Combine(Path, WeightsName);
        if (File.Exists(weights)) return SafetensorsFile.Open(weights);
        if (File.Exists(weights + ".index.json"))
            throw new ArgumentException($"{Path} holds a sharded checkpoint (model.safetensors.index.json); only a single model.safetensors is read.");
        throw new FileNotFoundException($"{Path} has no model.safetensors; only safetensors weights are read (convert pytorch_model.bin first).", weights);
    }

    /// <summary>A field the checkpoint's format rules out: one sentence naming the field.</summary>
    public ArgumentException Unsupported(string name, string why) => new($"{ConfigPath}: {name} {why}.");

    private CorruptCheckpointException Invalid(string name, string expected) => new(ConfigPath, $"'{name}' is not {expected}");
}
