namespace OrleansSweep.Compute.External;

/// <summary>The checkpoint formats <see cref="ProbedCheckpoint"/> opens.</summary>
public static class CheckpointFormat
{
    /// <summary>A Hugging Face GPT-2 directory (model_type "gpt2").</summary>
    public const string Gpt2 = "gpt2";

    /// <summary>A Hugging Face GPT-NeoX directory such as Pythia's (model_type "gpt_neox"): head probes only.</summary>
    public const string GptNeoX = "gpt_neox";

    /// <summary>One of this project's .ckpt files.</summary>
    public const string OrleansSweep = "orleanssweep";
}
