namespace OrleansSweep.Grains.Search;

// STUB until the tpe branch merges.
public sealed class TpeSampler(IReadOnlyList<ParameterSpec> space, int seed)
{
    public IReadOnlyList<double> Propose(int proposal, IReadOnlyList<(IReadOnlyList<double> Point, double Loss)> observed, IReadOnlyList<IReadOnlyList<double>> pending)
        => space.Select(p => p.Min ?? p.Value ?? seed).ToList();
}
