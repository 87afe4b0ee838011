using System.Text;
using System.Text.Json;

namespace OrleansSweep.Compute.Tests.External;

/// <summary>Writes safetensors files byte by byte from the format's definition, independently of the reader under test.</summary>
internal static class SafetensorsWriter
{
    /// <summary>One tensor to write: its raw little-endian bytes and the header it claims.</summary>
    public sealed record Entry(string Name, string Dtype, long[] Shape, byte[] Data);

    public static Entry F32(string name, long[] shape, float[] values) =>
        new(name, "F32", shape, values.SelectMany(BitConverter.GetBytes).ToArray());

    public static Entry F16(string name, long[] shape, float[] values) =>
        new(name, "F16", shape, values.SelectMany(v => BitConverter.GetBytes((Half)v)).ToArray());

    /// <summary>BF16 by truncating float32 bits: exact for values whose low 16 bits are zero.</summary>
    public static Entry Bf16(string name, long[] shape, float[] values) =>
        new(name, "BF16", shape, values.SelectMany(v => BitConverter.GetBytes((ushort)(BitConverter.SingleToInt32Bits(v) >>> 16))).ToArray());

    /// <summary>
    /// Header {name: {dtype, shape, data_offsets}} (plus __metadata__), its length as a u64 first, then the data in entry
    /// order; <paramref name="claimedOffsets"/> overrides an entry's data_offsets to forge a bad header.
    /// </summary>
    public static void Write(string path, IEnumerable<Entry> entries, Dictionary<string, long[]>? claimedOffsets = null)
    {
        var header = new Dictionary<string, object> { ["__metadata__"] = new Dictionary<string, string> { ["format"] = "pt" } };
        using var data = new MemoryStream();
        foreach (var entry in entries)
        {
            long begin = data.Length;
            data.Write(entry.Data);
            var offsets = claimedOffsets is not null && claimedOffsets.TryGetValue(entry.Name, out var claimed) ? claimed : [begin, data.Length];
            header[entry.Name] = new { dtype = entry.Dtype, shape = entry.Shape, data_offsets = offsets };
        }
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        using var file = File.Create(path);
        file.Write(BitConverter.GetBytes((ulong)json.Length));
        file.Write(json);
        data.Position = 0;
        data.CopyTo(file);
    }
}
