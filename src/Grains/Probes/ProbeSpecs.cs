namespace OrleansSweep.Grains.Probes;

/// <summary>Checks a probe spec before any run is launched from it.</summary>
public static class ProbeSpecs
{
    /// <summary>Throws one sentence naming the first invalid field.</summary>
    public static void Validate(ProbeSpec spec)
    {
        if (spec.Every < 0) throw new ArgumentException("probes.every must not be negative.");
        if (spec.Positions < 2) throw new ArgumentException("probes.positions must be at least 2.");
        ValidateKinds(spec.Kinds);
    }

    /// <summary>Throws one sentence naming the first unknown kind.</summary>
    public static void ValidateKinds(IReadOnlyList<string> kinds)
    {
        foreach (var kind in kinds)
            if (!ProbeKinds.All.Contains(kind))
                throw new ArgumentException($"probe kind '{kind}' is unknown; use {string.Join(", ", ProbeKinds.All)}.");
    }
}
