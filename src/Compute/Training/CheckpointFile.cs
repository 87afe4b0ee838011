using System.Security.Cryptography;
using System.Text.Json;
using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Optimization;

namespace OrleansSweep.Compute.Training;

/// <summary>
/// One file per checkpoint: magic, header JSON, model state, optimizer state, then a SHA-256 of all before it. Written to a
/// temporary file, flushed and renamed, so a reader sees a whole checkpoint or none; the hash rejects anything torn.
/// </summary>
public static class CheckpointFile
{
    // Format 2 holds AdamWOptimizer's own state; format 1 held TorchSharp's optimizer state, which nothing reads any more.
    private static readonly byte[] Magic = "OSWEEPC2"u8.ToArray();
    private static readonly byte[] FormatOneMagic = "OSWEEPC1"u8.ToArray();

    /// <summary>Writes atomically to <paramref name="path"/>.</summary>
    public static void Write(string path, CheckpointHeader header, nn.Module model, AdamWOptimizer optimizer)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            WriteSection(writer, JsonSerializer.SerializeToUtf8Bytes(header));
            WriteSection(writer, ModelBytes(model));
            WriteSection(writer, OptimizerBytes(optimizer));
        }
        var hash = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            body.Position = 0;
            body.CopyTo(file);
            file.Write(hash);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The file name of the checkpoint after <paramref name="step"/> updates.</summary>
    public static string Name(int step) => $"step-{step:D8}.ckpt";

    /// <summary>The checkpoints stored in <paramref name="directory"/> (step, path), steps ascending; none when it does not exist.</summary>
    public static IReadOnlyList<(int Step, string Path)> InDirectory(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        var found = new List<(int, string)>();
        foreach (var path in Directory.EnumerateFiles(directory, "step-*.ckpt"))
        {
            var digits = Path.GetFileNameWithoutExtension(path)["step-".Length..];
            if (int.TryParse(digits, System.Globalization.NumberStyles.None, null, out var step) && Name(step) == Path.GetFileName(path))
                found.Add((step, path));
        }
        return found.OrderBy(c => c.Item1).ToList();
    }

    /// <summary>Reads and verifies the header only.</summary>
    public static CheckpointHeader ReadHeader(string path) => Read(path).Header;

    /// <summary>Verifies the file and loads its states into <paramref name="model"/> and <paramref name="optimizer"/>.</summary>
    public static CheckpointHeader Load(string path, nn.Module model, AdamWOptimizer? optimizer)
    {
        var (header, modelBytes, optimizerBytes) = Read(path);
        using (var stream = new MemoryStream(modelBytes)) model.load(stream);
        if (optimizer is not null)
        {
            using var reader = new BinaryReader(new MemoryStream(optimizerBytes));
            optimizer.Load(reader);
        }
        return header;
    }

    /// <summary>Verifies the file and rebuilds its model on <paramref name="device"/>, without an optimizer: for probing; the caller disposes it.</summary>
    public static Gpt LoadModel(string path, Device device)
    {
        var (header, modelBytes, _) = Read(path);
        // The checkpoint's weights replace the initial ones; the generator only feeds dropout, which probes switch off.
        var model = new Gpt(header.Config, new Generator(0));
        using (var stream = new MemoryStream(modelBytes)) model.load(stream);
        model.to(device);
        return model;
    }

    private static (CheckpointHeader Header, byte[] Model, byte[] Optimizer) Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint {path} does not exist.", path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.AsSpan().StartsWith(FormatOneMagic))
            throw new CorruptCheckpointException(path, "it was written in checkpoint format 1, whose optimizer state this version no longer reads; retrain the run");
        if (bytes.Length < Magic.Length + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new CorruptCheckpointException(path, "it is not an OrleansSweep checkpoint or is truncated");
        var bodyLength = bytes.Length - 32;
        if (!SHA256.HashData(bytes.AsSpan(0, bodyLength)).AsSpan().SequenceEqual(bytes.AsSpan(bodyLength)))
            throw new CorruptCheckpointException(path, "its checksum does not match its contents");
        using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, bodyLength - Magic.Length));
        var header = JsonSerializer.Deserialize<CheckpointHeader>(ReadSection(reader))
            ?? throw new CorruptCheckpointException(path, "its header is empty");
        return (header, ReadSection(reader), ReadSection(reader));
    }

    private static byte[] ModelBytes(nn.Module model)
    {
        using var stream = new MemoryStream();
        model.save(stream);
        return stream.ToArray();
    }

    private static byte[] OptimizerBytes(AdamWOptimizer optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) optimizer.Save(writer);
        return stream.ToArray();
    }

    private static void WriteSection(BinaryWriter writer, byte[] section)
    {
        writer.Write(section.Length);
        writer.Write(section);
    }

    private static byte[] ReadSection(BinaryReader reader) => reader.ReadBytes(reader.ReadInt32());
}
