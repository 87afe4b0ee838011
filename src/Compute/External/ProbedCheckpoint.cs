using OrleansSweep.Compute.Probes;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.External;

/// <summary>
/// A checkpoint opened for probing, whatever its format: its head W always, and the whole model where this project computes
/// its forward (ours and GPT-2; not GPT-NeoX).
/// </summary>
public sealed class ProbedCheckpoint : IDisposable
{
    private readonly IDisposable owner;

    private ProbedCheckpoint(string format, IDisposable owner, IProbedModel? model, Tensor headWeight, int layers, int contextLength)
    {
        Format = format;
        this.owner = owner;
        Model = model;
        HeadWeight = headWeight;
        Layers = layers;
        ContextLength = contextLength;
    }

    /// <summary>One of <see cref="CheckpointFormat"/>'s names.</summary>
    public string Format { get; }

    /// <summary>The model, or null where only the head is read.</summary>
    public IProbedModel? Model { get; }

    /// <summary>W (V, d).</summary>
    public Tensor HeadWeight { get; }

    /// <summary>V.</summary>
    public int VocabularySize => (int)HeadWeight.shape[0];

    /// <summary>d.</summary>
    public int DModel => (int)HeadWeight.shape[1];

    /// <summary>L.</summary>
    public int Layers { get; }

    /// <summary>T.</summary>
    public int ContextLength { get; }

    /// <summary>
    /// Opens <paramref name="path"/> onto <paramref name="device"/>: a Hugging Face directory (or its config.json or
    /// model.safetensors), else one of our checkpoint files.
    /// </summary>
    public static ProbedCheckpoint Open(string path, Device device)
    {
        if (File.Exists(path) && Path.GetFileName(path) is "config.json" or "model.safetensors") path = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (Directory.Exists(path))
        {
            var directory = HuggingFaceDirectory.Open(path);
            switch (directory.ModelType)
            {
                case CheckpointFormat.Gpt2:
                    var gpt2 = HuggingFaceGpt2.Load(directory, device);
                    return new ProbedCheckpoint(CheckpointFormat.Gpt2, gpt2, gpt2, gpt2.HeadWeight(), gpt2.Layers, gpt2.ContextLength);
                case CheckpointFormat.GptNeoX:
                    var head = GptNeoXHead.Load(directory, device);
                    return new ProbedCheckpoint(CheckpointFormat.GptNeoX, head, null, head.Weight, head.Layers, head.ContextLength);
                default:
                    throw new ArgumentException(
                        $"{directory.ConfigPath}: model_type '{directory.ModelType}' is not read; probe reads gpt2 and gpt_neox directories.");
            }
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist.", path);
        var ours = CheckpointFile.LoadModel(path, device);
        IProbedModel model = ours;
        return new ProbedCheckpoint(CheckpointFormat.OrleansSweep, ours, ours, model.HeadWeight(), ours.Config.Layers, ours.Config.ContextLength);
    }

    public void Dispose() => owner.Dispose();
}
