using OrleansSweep.Grains.Search;

namespace OrleansSweep.Grains.Tests.Search;

public sealed class TpeSamplerTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<ParameterSpec> EveryKind =
    [
        new() { Name = "seed", Distribution = "constant", Value = 7 },
        new() { Name = "activation", Distribution = "categorical", Values = [10, 20, 30], Probabilities = [0.2, 0.3, 0.5] },
        new() { Name = "dropout", Distribution = "uniform", Min = 0.1, Max = 0.4 },
        new() { Name = "layers", Distribution = "int_uniform", Min = 1, Max = 6 },
        new() { Name = "learning_rate", Distribution = "log_uniform_values", Min = 1e-4, Max = 1e-1 },
        new() { Name = "batch_size", Distribution = "q_uniform", Min = 8, Max = 64, Q = 8 },
        new() { Name = "d_model", Distribution = "q_log_uniform_values", Min = 16, Max = 512, Q = 16 },
        new() { Name = "warmup", Distribution = "normal", Mu = 5, Sigma = 2 },
        new() { Name = "weight_decay", Distribution = "log_normal", Mu = -4, Sigma = 1 },
    ];

    // A loss that has its best inside the bounds, so TPE's proposals crowd towards one corner of each range over time.
    private static double Loss(IReadOnlyList<double> p) =>
        (p[1] == 20 ? 0 : 1) + Math.Abs(p[2] - 0.35) + Math.Abs(p[3] - 6) + Math.Abs(Math.Log10(p[4]) + 1.1) + Math.Abs(p[5] - 64) / 8
        + Math.Abs(Math.Log2(p[6]) - 9) + Math.Abs(p[7] - 3) + Math.Abs(Math.Log(p[8]) + 5);

    private static List<(IReadOnlyList<double> Point, double Loss)> Run(TpeSampler sampler, int runs, List<(IReadOnlyList<double> Point, double Loss)>? observed = null)
    {
        observed ??= [];
        for (var i = observed.Count; i < runs; i++)
        {
            var point = sampler.Propose(i, observed, []);
            observed.Add((point, Loss(point)));
        }
        return observed;
    }

    [Fact]
    public void Proposals_stay_in_bounds_in_categories_and_on_their_grids()
    {
        var observed = Run(new TpeSampler(EveryKind, seed: 3), 60);
        Assert.All(observed.Select(o => o.Point), p =>
        {
            Assert.Equal(7, p[0]);
            Assert.Contains(p[1], new[] { 10.0, 20, 30 });
            Assert.InRange(p[2], 0.1, 0.4);
            Assert.InRange(p[3], 1, 6);
            Assert.Equal(Math.Round(p[3]), p[3]);
            Assert.InRange(p[4], 1e-4, 1e-1);
            Assert.InRange(p[5], 8, 64);
            Assert.Equal(0, p[5] % 8);
            Assert.InRange(p[6], 16, 512);
            Assert.Equal(0, p[6] % 16);
            Assert.True(double.IsFinite(p[7]));
            Assert.True(p[8] > 0);
        });
        // Past the random start, TPE leans towards the good region: the last 20 runs beat the first 10 on average.
        Assert.True(observed.Skip(40).Average(o => o.Loss) < observed.Take(10).Average(o => o.Loss));
    }

    [Fact]
    public void The_same_inputs_give_the_same_point_in_whatever_order_the_runs_are_listed()
    {
        var observed = Run(new TpeSampler(EveryKind, seed: 5), 30);
        var pending = observed.Take(3).Select(o => o.Point).ToList();
        var proposal = new TpeSampler(EveryKind, seed: 5).Propose(30, observed, pending);

        Assert.Equal(proposal, new TpeSampler(EveryKind, seed: 5).Propose(30, observed, pending));
        var shuffled = observed.OrderBy(o => o.Point[2]).ToList();
        Assert.Equal(proposal, new TpeSampler(EveryKind, seed: 5).Propose(30, shuffled, [.. pending.AsEnumerable().Reverse()]));
        // The proposal number and the seed are what vary the draws.
        Assert.NotEqual(proposal, new TpeSampler(EveryKind, seed: 5).Propose(31, observed, pending));
        Assert.NotEqual(proposal, new TpeSampler(EveryKind, seed: 6).Propose(30, observed, pending));
    }

    [Fact]
    public void Runs_in_flight_at_the_best_point_push_the_next_proposals_elsewhere()
    {
        // One integer knob tried at every third value and at 16; 15 is the best seen and, with nothing in flight, TPE's favourite.
        IReadOnlyList<ParameterSpec> space = [new() { Name = "layers", Distribution = "int_uniform", Min = 0, Max = 30 }];
        var observed = Enumerable.Range(0, 11).Select(k => 3.0 * k).Append(16)
            .Select(x => ((IReadOnlyList<double>)[x], Math.Abs(x - 15))).ToList();
        List<IReadOnlyList<double>> pending = [.. Enumerable.Repeat<IReadOnlyList<double>>([15.0], 4)];
        var sampler = new TpeSampler(space, seed: 1);

        var alone = Enumerable.Range(0, 40).Select(i => sampler.Propose(i, observed, [])[0]).ToList();
        var liar = Enumerable.Range(0, 40).Select(i => sampler.Propose(i, observed, pending)[0]).ToList();
        output.WriteLine($"nothing in flight: {string.Join(" ", alone)}\n4 in flight at 15: {string.Join(" ", liar)}");

        Assert.True(alone.Count(x => x == 15) >= 10, "with nothing in flight, TPE should often propose the best point again");
        Assert.DoesNotContain(15, liar);
        Assert.True(liar.Average(x => Math.Abs(x - 15)) > 2 * alone.Average(x => Math.Abs(x - 15)));
    }

    [Fact]
    public void A_point_of_the_wrong_length_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new TpeSampler(EveryKind, seed: 0).Propose(0, [([1.0, 2.0], 0.5)], []));
        Assert.Equal("a point has 2 coordinates; the search space has 9 parameters.", error.Message);
    }

    [Fact]
    public void An_unknown_distribution_is_refused_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => new TpeSampler([new() { Name = "dropout", Distribution = "beta" }], seed: 0));
        Assert.StartsWith("parameters.dropout: distribution 'beta' is not one of constant, categorical", error.Message);
    }
}
