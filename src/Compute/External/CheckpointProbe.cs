using OrleansSweep.Compute.Probes;

namespace OrleansSweep.Compute.External;

/// <summary>Probes a checkpoint by path: the head always; with a token stream, anisotropy and the gradient bottleneck on it.</summary>
public static class CheckpointProbe
{
    /// <summary>The W-error tolerances whose smallest ranks every report carries.</summary>
    public static readonly double[] Tolerances = [0.5, 0.2, 0.1];

    /// <summary>
    /// Opens <paramref name="path"/> (see <see cref="ProbedCheckpoint.Open"/>) onto <paramref name="device"/> and probes it;
    /// <paramref name="tokens"/>, when given, are cut into context-length windows from their start, and
    /// <paramref name="positions"/>, when given, samples that many of their positions (seed 0) instead of all.
    /// </summary>
    public static CheckpointProbeReport Run(string path, Device device, int[]? tokens = null, int? positions = null)
    {
        using var checkpoint = ProbedCheckpoint.Open(path, device);
        var head = HeadSpectrum.Of(checkpoint.HeadWeight);
        var ranks = Tolerances.Select(t => (Tolerance: t, Rank: (int?)Spectra.SmallestRank(head.WError, t))).ToArray();
        AnisotropyResult? anisotropy = null;
        GradientBottleneckResult? bottleneck = null;
        if (tokens is not null)
        {
            var model = checkpoint.Model ?? throw new ArgumentException(
                $"{path} is a {checkpoint.Format} checkpoint, whose forward is not computed here: probe it without tokens for its head.");
            for (var i = 0; i < tokens.Length; i++)
                if ((uint)tokens[i] >= (uint)checkpoint.VocabularySize)
                    throw new ArgumentException($"token id {tokens[i]} at position {i} is outside the vocabulary of {path} (V = {checkpoint.VocabularySize}).");
            var set = new StreamPositions(tokens, checkpoint.ContextLength, positions);
            anisotropy = new AnisotropyProbe(set).Measure(model, device);
            bottleneck = new GradientBottleneckProbe(set).Measure(model, device);
        }
        return new CheckpointProbeReport(path, checkpoint.Format, checkpoint.VocabularySize, checkpoint.DModel, checkpoint.Layers,
            checkpoint.ContextLength, head, ranks, anisotropy, bottleneck);
    }
}
