namespace OrleansSweep.Compute.Devices;

/// <summary>Chooses where tensors live and how many threads torch's CPU kernels use.</summary>
public static class ComputeDevice
{
    /// <summary>"auto" (CUDA when TorchSharp sees it, else CPU), "cpu" or "cuda".</summary>
    public static Device Select(string preference = "auto")
    {
        var cuda = cuda_is_available();
        return preference switch
        {
            "auto" => cuda ? CUDA : CPU,
            "cpu" => CPU,
            "cuda" when cuda => CUDA,
            "cuda" => throw new ArgumentException(
                "device is cuda but TorchSharp sees no CUDA device; build with -p:TorchSharpPackage=TorchSharp-cuda-linux on a GPU machine or use cpu."),
            _ => throw new ArgumentException($"device must be auto, cpu or cuda, not '{preference}'."),
        };
    }

    /// <summary>Sets torch's intra-op thread count for this process (0 keeps torch's default).</summary>
    public static void SetIntraOpThreads(int threads)
    {
        if (threads < 0) throw new ArgumentException("threads must not be negative.");
        if (threads > 0) set_num_threads(threads);
    }
}
