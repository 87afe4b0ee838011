namespace OrleansSweep.Abstractions;

/// <summary>
/// Which probes a run's checkpoints get, and when (SCIENCE.md §1–4): every <see cref="Every"/> steps, at the last step, and,
/// when <see cref="LogSpaced"/>, at steps 1, 2, 4, … below <see cref="Every"/> as Pythia saves them. The trainer evaluates and
/// checkpoints at each of those steps.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansSweep.ProbeSpec")]
public sealed record ProbeSpec
{
    /// <summary>Probe cadence in steps; 0 probes only the log-spaced steps and the last.</summary>
    [Id(0)] public int Every { get; init; } = 100;

    /// <summary>Also probe steps 1, 2, 4, … (powers of two below <see cref="Every"/>).</summary>
    [Id(1)] public bool LogSpaced { get; init; } = true;

    /// <summary>M, the held-out token positions sampled (by <see cref="Seed"/>) for anisotropy and the gradient bottleneck.</summary>
    [Id(2)] public int Positions { get; init; } = 2048;

    /// <summary>Probe kinds to run (see <see cref="ProbeKinds"/>); empty disables probing.</summary>
    [Id(3)] public IReadOnlyList<string> Kinds { get; init; } = ProbeKinds.All;

    /// <summary>Fixes the sampled positions, the same for every checkpoint of every run.</summary>
    [Id(4)] public int Seed { get; init; }
}
