using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Probes;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Grains.Probes;

/// <summary>One probe kind on one checkpoint file, off the Orleans scheduler: from Compute's records to the wire's point.</summary>
public static class ProbeMeasurement
{
    /// <summary>Loads the checkpoint (verifying its checksum), measures <paramref name="kind"/> and frees the model.</summary>
    public static ProbePoint Measure(string kind, ProbeRequest request, TokenCorpus corpus, Device device)
    {
        using var model = CheckpointFile.LoadModel(request.CheckpointPath, device);
        var spec = request.Run.Probes;
        HeldOutPositions Positions() => new(corpus.HeldOut, model.Config.ContextLength, spec.Positions, spec.Seed);
        switch (kind)
        {
            case ProbeKinds.Anisotropy:
                var anisotropy = new AnisotropyProbe(Positions()).Measure(model, device);
                return Point(request.Step,
                    new() { [ProbeKinds.Final] = anisotropy.Final },
                    new() { [ProbeKinds.PerLayer] = anisotropy.PerLayer });
            case ProbeKinds.HeadSpectrum:
                var spectrum = HeadSpectrum.Of(model);
                return Point(request.Step,
                    new() { [ProbeKinds.SingularEntropy] = spectrum.SingularEntropy },
                    new()
                    {
                        [ProbeKinds.Singular] = spectrum.Singular,
                        [ProbeKinds.TopRatios] = spectrum.TopRatios,
                        [ProbeKinds.WError] = spectrum.WError,
                    });
            case ProbeKinds.GradientBottleneck:
                var bottleneck = new GradientBottleneckProbe(Positions()).Measure(model, device);
                return Point(request.Step,
                    new()
                    {
                        [ProbeKinds.Kept] = bottleneck.Kept,
                        [ProbeKinds.Suppressed] = bottleneck.Suppressed,
                        [ProbeKinds.EnergyKept] = bottleneck.EnergyKept,
                    },
                    []);
            default:
                throw new ArgumentException($"probe kind '{kind}' is unknown; use {string.Join(", ", ProbeKinds.All)}.");
        }
    }

    private static ProbePoint Point(int step, Dictionary<string, double> scalars, Dictionary<string, IReadOnlyList<double>> vectors) =>
        new(step, scalars, vectors);
}
