using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Optimization;
using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Runs;

namespace OrleansSweep.Grains.Tests.Runs;

/// <summary>Real checkpoint files of a tiny model, so verification (SHA-256) is the one a silo runs.</summary>
public static class TestCheckpoints
{
    private static readonly GptConfig Config = new() { VocabularySize = 8, ContextLength = 4, DModel = 4, Layers = 1, Heads = 1 };

    /// <summary>Writes the checkpoint of <paramref name="step"/> into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(RunCheckpointDirectory directory, int step)
    {
        using var generator = new TorchSharp.torch.Generator(1);
        using var model = new Gpt(Config, generator);
        using var optimizer = new AdamWOptimizer([new AdamWGroup(model.parameters().ToArray(), 0)], 0.9, 0.95);
        var path = directory.PathOf(step);
        CheckpointFile.Write(path, new CheckpointHeader(Config, new TrainerOptions(), step, []), model, optimizer);
        return path;
    }

    /// <summary>Cuts the file at <paramref name="path"/> in half: a checkpoint whose hash no longer matches.</summary>
    public static void Tear(string path) => File.WriteAllBytes(path, File.ReadAllBytes(path)[..(int)(new FileInfo(path).Length / 2)]);
}
