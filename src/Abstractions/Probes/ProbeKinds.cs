namespace OrleansSweep.Abstractions;

/// <summary>The probe kinds and the names of the values each reports.</summary>
public static class ProbeKinds
{
    /// <summary>SCIENCE.md §1: scalar <see cref="Final"/>, vector <see cref="PerLayer"/> (embedding output, then each block).</summary>
    public const string Anisotropy = "anisotropy";

    /// <summary>SCIENCE.md §2–3: scalar <see cref="SingularEntropy"/>, vectors <see cref="Singular"/>, <see cref="TopRatios"/>, <see cref="WError"/>.</summary>
    public const string HeadSpectrum = "head_spectrum";

    /// <summary>SCIENCE.md §4: scalars <see cref="Kept"/>, <see cref="Suppressed"/>, <see cref="EnergyKept"/>.</summary>
    public const string GradientBottleneck = "gradient_bottleneck";

    public static readonly IReadOnlyList<string> All = [Anisotropy, HeadSpectrum, GradientBottleneck];

    public const string Final = "final";
    public const string PerLayer = "per_layer";
    public const string SingularEntropy = "singular_entropy";
    public const string Singular = "singular";
    public const string TopRatios = "top_ratios";
    public const string WError = "w_error";
    public const string Kept = "kept";
    public const string Suppressed = "suppressed";
    public const string EnergyKept = "energy_kept";
}
