using OrleansSweep.Abstractions;
using OrleansSweep.Client.Report.Data;

namespace OrleansSweep.EndToEnd.Tests.Report;

/// <summary>
/// A sweep over d with the shapes the papers report: losses settling on E + A/N^α, small models saturating late with a
/// collapsing spectrum and anisotropic last layer, heads whose W-error falls with d, and a rank-128 n-gram matrix.
/// </summary>
public static class SyntheticSweep
{
    public const double E = 1.8, A = 60, Alpha = 0.3, Optimum = 1.75;
    public const int Vocabulary = 1024, Layers = 4, LastStep = 20_000;
    public static readonly int[] Widths = [16, 32, 64, 128, 256];

    public static SweepReportData Create()
    {
        var runs = Widths.Select(Run).ToArray();
        var fitted = runs.Where(r => r.DModel >= 64).Select(r => r.RunId).ToArray();
        var fit = new ScalingFitReportData { E = E, A = A, Alpha = Alpha, FittedRunIds = fitted };
        var ngramCurve = WError(Enumerable.Range(1, 128).Select(i => Math.Exp(-i / 40.0)).Concat(new double[400]).ToArray());
        return new SweepReportData
        {
            SweepId = "markov-d-sweep",
            Corpus = $"low-rank Markov, V={Vocabulary}, R=128",
            OptimalLoss = Optimum,
            Fit = fit,
            Ngram = new NgramReportData
            {
                Order = 2,
                WErrorCurve = ngramCurve,
                RanksAtThreshold = new[] { 0.5, 0.2, 0.1, 0.01 }
                    .Select(tau => new ToleranceRank(tau, Array.FindIndex(ngramCurve, e => e <= tau))).ToArray(),
                NoiseAwareRank = 128,
            },
            Runs = runs.Select(r => r with
            {
                GapToFit = (r.FinalLoss!.Value - fit.Predict(r.NonEmbeddingParameters)) / fit.Predict(r.NonEmbeddingParameters),
                GapToOptimum = r.FinalLoss!.Value - Optimum,
            }).ToArray(),
        };
    }

    /// <summary>Non-embedding parameters of a GPT block stack: 12·L·d².</summary>
    public static long Parameters(int d) => 12L * Layers * d * d;

    private static RunReportData Run(int d)
    {
        var small = d <= 32;
        var octave = Math.Log2(d / 16.0); // 0 for the smallest run: every shape below shifts with it so no two lines coincide
        var steps = new[] { 0 }.Concat(Enumerable.Range(0, 25).Select(i => (int)Math.Round(50 * Math.Pow(LastStep / 50.0, i / 24.0))))
            .Distinct().ToArray();
        var settled = E + A / Math.Pow(Parameters(d), Alpha);
        var onset = 7000 + 4000 * octave;
        // Saturation: late in training the small models' loss climbs back by a few hundredths of a nat (the paper's late rise).
        var loss = steps.Select(t => settled + (Math.Log(Vocabulary) - settled) * Math.Exp(-t / 600.0)
                                     + (small ? (0.08 - 0.03 * octave) / (1 + Math.Exp(-(t - onset) / 1200.0)) : 0)).ToArray();
        var best = loss.Min();
        var bestStep = steps[Array.IndexOf(loss, best)];
        var entropy = steps.Select(t => small
            ? 0.25 + 0.05 * octave + (4.5 - 0.5 * octave) / (1 + Math.Exp(-(t - onset) / 800.0)) + 2 * Math.Exp(-t / 300.0)
            : 0.3 + 0.1 * octave + 2 * Math.Exp(-t / 300.0)).ToArray();
        var anisotropy = steps.Select(t => small
            ? 0.2 + (0.78 - 0.05 * octave) / (1 + Math.Exp(-(t - onset + 2000) / 900.0))
            : 0.1 + 0.04 * octave + 0.1 * Math.Exp(-t / 2000.0)).ToArray();
        return new RunReportData
        {
            RunId = $"run-d{d}",
            Label = $"d={d}",
            DModel = d,
            Layers = Layers,
            NonEmbeddingParameters = Parameters(d),
            BestLoss = best,
            FinalLoss = loss[^1],
            Saturated = small,
            SaturationStep = small ? bestStep : null,
            SpectrumCollapseStep = small ? steps.First(t => t > onset) : null,
            AnisotropyStep = small ? steps[Array.FindIndex(anisotropy, a => a > 0.9)] : null,
            EvalLoss = new LossSeries { Steps = steps, Values = loss, StandardErrors = steps.Select(_ => 0.004).ToArray() },
            SingularEntropy = new StepSeries { Steps = steps, Values = entropy },
            FinalLayerAnisotropy = new StepSeries { Steps = steps, Values = anisotropy },
            AnisotropyByLayer = Enumerable.Range(0, Layers + 1).Select(l => 0.1 + (anisotropy[^1] - 0.1) * l / Layers).ToArray(),
            HeadWError = WError(Enumerable.Range(1, d).Select(i => Math.Pow(i, -0.5)).ToArray()),
            GradientKept = new StepSeries { Steps = steps, Values = steps.Select(t => Math.Sqrt((double)d / Vocabulary) * (1 + Math.Exp(-t / 500.0))).ToArray() },
        };
    }

    // W-error(r) = sqrt(Σ_{i>r} σ_i²) / sqrt(Σ σ_i²), r = 0…k.
    private static double[] WError(double[] singularValues)
    {
        var total = singularValues.Sum(s => s * s);
        return Enumerable.Range(0, singularValues.Length + 1)
            .Select(r => Math.Sqrt(singularValues.Skip(r).Sum(s => s * s) / total)).ToArray();
    }
}
