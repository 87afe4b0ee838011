using Orleans.Runtime.Placement;

namespace OrleansSweep.Grains.Placement;

/// <summary>
/// Round-robin over the compatible silos in address order. A launch places all its runs from the coordinator's silo, so
/// they spread evenly; Orleans' resource- and activation-count-based directors decide on statistics that refresh about once
/// a second, and put a whole launch's burst on one or two silos (seen with three silos: 3, 1 and 0 runs).
/// </summary>
public sealed class SpreadPlacementDirector : IPlacementDirector
{
    private int next = -1;

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        if (silos.Length == 0) throw new OrleansException($"no silo can host {target.GrainIdentity}.");
        var turn = (uint)Interlocked.Increment(ref next) % (uint)silos.Length;
        return Task.FromResult(silos[turn]);
    }
}
