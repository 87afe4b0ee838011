namespace OrleansSweep.Grains.Probes;

/// <summary>Checks the probe kinds a reprobe names (a spec's probes.kinds is checked with every other field, in SpecFields).</summary>
public static class ProbeSpecs
{
    /// <summary>Throws one sentence naming the first unknown kind.</summary>
    public static void ValidateKinds(IReadOnlyList<string> kinds)
    {
        foreach (var kind in kinds)
            if (!ProbeKinds.All.Contains(kind))
                throw new ArgumentException($"probe kind '{kind}' is unknown; use {string.Join(", ", ProbeKinds.All)}.");
    }
}
