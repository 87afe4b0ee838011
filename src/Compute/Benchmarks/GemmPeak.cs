using System.Diagnostics;

namespace OrleansSweep.Compute.Benchmarks;

/// <summary>
/// The FLOP/s a large float32 matmul reaches on a device in this process, with its current thread count: the best a dense
/// kernel does here, so the denominator of MFU rather than a datasheet peak.
/// </summary>
public static class GemmPeak
{
    /// <summary>Multiplies two random <paramref name="size"/>² matrices <paramref name="warmup"/> times untimed, then times each of <paramref name="repeats"/>.</summary>
    public static GemmPeakResult Measure(Device device, int size = 2048, int warmup = 2, int repeats = 5)
    {
        if (size < 1) throw new ArgumentException("size must be at least 1.");
        if (warmup < 0) throw new ArgumentException("warmup must not be negative.");
        if (repeats < 1) throw new ArgumentException("repeats must be at least 1.");
        using var scope = NewDisposeScope();
        using var generator = new Generator(1UL, device);
        var a = randn([size, size], dtype: float32, device: device, generator: generator);
        var b = randn([size, size], dtype: float32, device: device, generator: generator);
        for (var i = 0; i < warmup; i++) Multiply(a, b);
        var seconds = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            Multiply(a, b);
            seconds[i] = clock.Elapsed.TotalSeconds;
        }
        // The median, not the fastest: training steps are timed as a mean, and one lucky repeat would flatter the peak.
        Array.Sort(seconds);
        var median = seconds[repeats / 2];
        return new GemmPeakResult(size, repeats, median, 2.0 * size * size * (double)size / median);
    }

    // Reading one element back waits for the kernel on CUDA, where matmul returns before it finishes; on CPU it is free.
    private static void Multiply(Tensor a, Tensor b)
    {
        using var product = a.matmul(b);
        product[0, 0].item<float>();
    }
}
