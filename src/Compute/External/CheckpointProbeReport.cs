using OrleansSweep.Compute.Probes;

namespace OrleansSweep.Compute.External;

/// <summary>What the probes measure on one checkpoint (SCIENCE §1–4); plain numbers only.</summary>
/// <param name="Path">The checkpoint probed.</param>
/// <param name="Format">One of <see cref="CheckpointFormat"/>'s names.</param>
/// <param name="VocabularySize">V.</param>
/// <param name="DModel">d.</param>
/// <param name="Layers">L.</param>
/// <param name="ContextLength">T: the window the token stream is cut into.</param>
/// <param name="Head">The head's spectrum, singular entropy and W-error curve.</param>
/// <param name="Ranks">
/// For each W-error tolerance of <see cref="CheckpointProbe.Tolerances"/>, the smallest rank reaching it; never null here, as the
/// head's whole spectrum is computed.
/// </param>
/// <param name="Anisotropy">Per-layer anisotropy on the tokens; null without tokens.</param>
/// <param name="GradientBottleneck">Kept and suppressed logit-gradient fractions on the tokens; null without tokens.</param>
public sealed record CheckpointProbeReport(
    string Path,
    string Format,
    int VocabularySize,
    int DModel,
    int Layers,
    int ContextLength,
    HeadSpectrumResult Head,
    IReadOnlyList<(double Tolerance, int? Rank)> Ranks,
    AnisotropyResult? Anisotropy,
    GradientBottleneckResult? GradientBottleneck);
