namespace OrleansSweep.Compute.External;

/// <summary>One tensor's header entry in a safetensors file.</summary>
/// <param name="Dtype">The format's dtype name: F32, F16, BF16, I64, ….</param>
/// <param name="Shape">Dimensions; empty for a scalar.</param>
/// <param name="Begin">First byte, relative to the start of the data section.</param>
/// <param name="End">One past the last byte, relative to the start of the data section.</param>
public sealed record SafetensorsEntry(string Dtype, long[] Shape, long Begin, long End)
{
    /// <summary>Elements: the product of the shape (1 for a scalar).</summary>
    public long Elements => Shape.Aggregate(1L, (product, n) => product * n);
}
