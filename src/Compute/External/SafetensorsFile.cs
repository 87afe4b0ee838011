using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.External;

/// <summary>
/// A safetensors file (Hugging Face's format: an 8-byte little-endian header length, a JSON header
/// {name: {dtype, shape, data_offsets}}, then raw little-endian data). The whole header is checked against the file's length
/// on open, so a truncated or inconsistent file is refused before any tensor is read; tensors are then read one at a time
/// straight from the file, never the whole file into memory.
/// </summary>
public sealed class SafetensorsFile : IDisposable
{
    // Bytes per element of the dtypes the format defines, so the size of every entry can be checked, read or not.
    private static readonly Dictionary<string, int> ElementSizes = new()
    {
        ["F64"] = 8, ["F32"] = 4, ["F16"] = 2, ["BF16"] = 2, ["F8_E4M3"] = 1, ["F8_E5M2"] = 1,
        ["I64"] = 8, ["I32"] = 4, ["I16"] = 2, ["I8"] = 1, ["U64"] = 8, ["U32"] = 4, ["U16"] = 2, ["U8"] = 1, ["BOOL"] = 1,
    };

    private readonly SafeFileHandle handle;
    private readonly long dataStart;
    private readonly Dictionary<string, SafetensorsEntry> entries;

    private SafetensorsFile(string path, SafeFileHandle handle, long dataStart, Dictionary<string, SafetensorsEntry> entries,
        IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        this.handle = handle;
        this.dataStart = dataStart;
        this.entries = entries;
        Metadata = metadata;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The header's optional "__metadata__" (string to string).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The header entry of every tensor, by name.</summary>
    public IReadOnlyDictionary<string, SafetensorsEntry> Entries => entries;

    /// <summary>Opens <paramref name="path"/> and validates its whole header against the file's length.</summary>
    public static SafetensorsFile Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"safetensors file {path} does not exist.", path);
        var handle = File.OpenHandle(path);
        try
        {
            var (dataStart, entries, metadata) = ReadHeader(path, handle);
            return new SafetensorsFile(path, handle, dataStart, entries, metadata);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Whether the file holds a tensor called <paramref name="name"/>.</summary>
    public bool Contains(string name) => entries.ContainsKey(name);

    /// <summary>The tensor <paramref name="name"/> as a float32 CPU tensor; F16 and BF16 are widened exactly.</summary>
    public Tensor ReadFloat32(string name)
    {
        if (!entries.TryGetValue(name, out var entry)) throw Unusable($"it has no tensor '{name}'");
        var count = checked((int)entry.Elements);
        var values = new float[count];
        switch (entry.Dtype)
        {
            case "F32":
                ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()), entry.Begin);
                break;
            case "F16":
                var halves = new Half[count];
                ReadExactly(MemoryMarshal.AsBytes(halves.AsSpan()), entry.Begin);
                for (var i = 0; i < count; i++) values[i] = (float)halves[i];
                break;
            case "BF16":
                // bfloat16 is the top half of a float32's bits.
                var bits = new ushort[count];
                ReadExactly(MemoryMarshal.AsBytes(bits.AsSpan()), entry.Begin);
                for (var i = 0; i < count; i++) values[i] = BitConverter.Int32BitsToSingle(bits[i] << 16);
                break;
            default:
                throw Unusable($"tensor '{name}' has dtype {entry.Dtype}, and only F32, F16 and BF16 are read");
        }
        return tensor(values, entry.Shape);
    }

    /// <summary>
    /// The tensor <paramref name="name"/> as float32 on <paramref name="device"/>, refused unless its shape is
    /// <paramref name="shape"/> (what the checkpoint's config implies).
    /// </summary>
    public Tensor ReadFloat32(string name, long[] shape, Device device)
    {
        if (entries.TryGetValue(name, out var entry) && !entry.Shape.SequenceEqual(shape))
            throw Unusable($"tensor '{name}' has shape [{string.Join(", ", entry.Shape)}] where its config implies [{string.Join(", ", shape)}]");
        var read = ReadFloat32(name);
        var moved = read.to(device);
        if (!ReferenceEquals(moved, read)) read.Dispose();
        return moved;
    }

    public void Dispose() => handle.Dispose();

    private void ReadExactly(Span<byte> destination, long begin)
    {
        var offset = dataStart + begin;
        while (destination.Length > 0)
        {
            var read = RandomAccess.Read(handle, destination, offset);
            // The header was checked against the length on open; a short read now means the file changed under us.
            if (read == 0) throw Unusable("it ended before a tensor's last byte (was it changed while being read?)");
            destination = destination[read..];
            offset += read;
        }
    }

    private CorruptCheckpointException Unusable(string reason) => new(Path, reason);

    private static (long DataStart, Dictionary<string, SafetensorsEntry> Entries, Dictionary<string, string> Metadata) ReadHeader(
        string path, SafeFileHandle handle)
    {
        var length = RandomAccess.GetLength(handle);
        Span<byte> prefix = stackalloc byte[8];
        if (length < 8 || RandomAccess.Read(handle, prefix, 0) < 8)
            throw new CorruptCheckpointException(path, $"it has {length} bytes, fewer than the 8 of a safetensors header length");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > (ulong)(length - 8))
            throw new CorruptCheckpointException(path, $"its header claims {headerLength} bytes but only {length - 8} follow (truncated, or not safetensors)");
        var header = new byte[headerLength];
        if (RandomAccess.Read(handle, header, 8) < header.Length)
            throw new CorruptCheckpointException(path, "it ended inside its header");
        var dataStart = 8 + (long)headerLength;
        var dataLength = length - dataStart;

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException)
        {
            throw new CorruptCheckpointException(path, "its header is not valid JSON");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new CorruptCheckpointException(path, "its header is not a JSON object");
            var entries = new Dictionary<string, SafetensorsEntry>();
            var metadata = new Dictionary<string, string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    foreach (var item in property.Value.EnumerateObject()) metadata[item.Name] = item.Value.ToString();
                    continue;
                }
                var entry = ParseEntry(path, property);
                if (entry.End > dataLength)
                    throw new CorruptCheckpointException(path,
                        $"tensor '{property.Name}' ends at byte {entry.End} of the data but the data holds only {dataLength} bytes (truncated?)");
                if (ElementSizes.TryGetValue(entry.Dtype, out var size) && entry.End - entry.Begin != entry.Elements * size)
                    throw new CorruptCheckpointException(path,
                        $"tensor '{property.Name}' spans {entry.End - entry.Begin} bytes but its {entry.Dtype} shape [{string.Join(", ", entry.Shape)}] needs {entry.Elements * size}");
                entries[property.Name] = entry;
            }
            return (dataStart, entries, metadata);
        }
    }

    private static SafetensorsEntry ParseEntry(string path, JsonProperty property)
    {
        try
        {
            var value = property.Value;
            var shape = value.GetProperty("shape").EnumerateArray().Select(n => n.GetInt64()).ToArray();
            var offsets = value.GetProperty("data_offsets").EnumerateArray().Select(n => n.GetInt64()).ToArray();
            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || shape.Any(n => n < 0)) throw new FormatException();
            return new SafetensorsEntry(value.GetProperty("dtype").GetString() ?? throw new FormatException(), shape, offsets[0], offsets[1]);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CorruptCheckpointException(path, $"the header entry of tensor '{property.Name}' lacks a valid dtype, shape or data_offsets");
        }
    }
}
