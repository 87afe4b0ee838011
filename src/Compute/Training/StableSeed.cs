namespace OrleansSweep.Compute.Training;

/// <summary>Derives seeds that are the same in every process (HashCode.Combine is randomized per process).</summary>
public static class StableSeed
{
    /// <summary>A SplitMix64 mix of two integers, folded to a non-negative int.</summary>
    public static int Mix(long a, long b)
    {
        var z = unchecked((ulong)a * 0x9E3779B97F4A7C15UL + (ulong)b + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
