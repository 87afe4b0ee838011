namespace OrleansSweep.Grains.Search;

/// <summary>
/// Tree-structured Parzen Estimator (Bergstra et al. 2011) as Optuna's default TPESampler runs it: random draws from the
/// prior for the first 10 runs, then, per parameter independently, 24 candidates drawn from l (the density of the best
/// γ(n) = min(⌈0.1·n⌉, 25) runs) and the one with the largest l/g (g: the density of the others) proposed.
/// </summary>
public sealed class TpeSampler(IReadOnlyList<ParameterSpec> space, int seed)
{
    private const int StartupRuns = 10;
    private const int Candidates = 24;

    private readonly TpeDimension[] dimensions = [.. space.Select(TpeDimension.From)];

    /// <summary>
    /// The point of proposal number <paramref name="proposal"/> (0-based), coordinates in the space's order, in the parameters'
    /// own units. <paramref name="observed"/>: finished runs and their loss (lower is better; NaN, a diverged run, counts as
    /// the worst). <paramref name="pending"/>: points still training, counted as the worst (a constant liar), so runs in flight
    /// push the next proposal elsewhere. The same inputs give the same point, in whatever order the runs are listed.
    /// </summary>
    public IReadOnlyList<double> Propose(int proposal, IReadOnlyList<(IReadOnlyList<double> Point, double Loss)> observed,
        IReadOnlyList<IReadOnlyList<double>> pending)
    {
        if (observed.Select(o => o.Point).Concat(pending).FirstOrDefault(p => p.Count != dimensions.Length) is { } bad)
            throw new ArgumentException($"a point has {bad.Count} coordinates; the search space has {dimensions.Length} parameters.");
        // The proposal's own generator, not one advanced call by call, so a coordinator that restarts proposes the same points.
        var rng = new Random(ProposalSeed(seed, proposal));
        if (observed.Count < StartupRuns)
            return [.. dimensions.Select(d => d.ToValue(d.SamplePrior(rng)))];

        // Ties are broken by the point itself, so the split does not depend on the order runs finished in.
        var ranked = observed.OrderBy(o => double.IsNaN(o.Loss) ? double.PositiveInfinity : o.Loss)
            .ThenBy(o => o.Point, Comparer<IReadOnlyList<double>>.Create((a, b) => a.Zip(b, (x, y) => x.CompareTo(y)).FirstOrDefault(c => c != 0)))
            .Select(o => o.Point).ToList();
        // Pending points go with the worst (as Optuna's constant liar does), and count in n as in Optuna.
        var below = Math.Min((int)Math.Ceiling(0.1 * (observed.Count + pending.Count)), 25);
        var good = ranked.Take(below).ToList();
        var rest = ranked.Skip(below).Concat(pending).ToList();

        var point = new double[dimensions.Length];
        for (var i = 0; i < dimensions.Length; i++)
        {
            var d = dimensions[i];
            if (d.IsConstant) { point[i] = d.ToValue(0); continue; }
            var l = d.Estimator([.. good.Select(p => d.ToInternal(p[i]))]);
            var g = d.Estimator([.. rest.Select(p => d.ToInternal(p[i]))]);
            // Maximising l/g maximises expected improvement over the γ-quantile (Bergstra et al. 2011, eq. 4).
            point[i] = d.ToValue(Enumerable.Range(0, Candidates).Select(_ => l.Sample(rng)).MaxBy(x => l.LogDensity(x) - g.LogDensity(x)));
        }
        return point;
    }

    // SplitMix64's finaliser over (seed, proposal): neighbouring proposals get unrelated generators.
    private static int ProposalSeed(int seed, int proposal)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)proposal) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }
}
