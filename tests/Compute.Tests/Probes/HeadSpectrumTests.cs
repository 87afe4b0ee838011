using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Probes;

namespace OrleansSweep.Compute.Tests.Probes;

public sealed class HeadSpectrumTests
{
    private static readonly double[] Chosen = [9.0, 5.0, 4.0, 2.5, 1.0, 0.5, 0.25, 0.1];

    [Fact]
    public void RecoversTheChosenSingularValuesInOrder()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var result = HeadSpectrum.Of(ProbeFixtures.WithSingularValues(40, Chosen, generator));

        Assert.Equal(Chosen.Length, result.Singular.Length);
        for (var i = 0; i < Chosen.Length; i++) Assert.Equal(Chosen[i], result.Singular[i], 9);
        Assert.Equal(Chosen.Length, result.TopRatios.Length);
        for (var i = 0; i < Chosen.Length; i++) Assert.Equal(Chosen[i] / 9.0, result.TopRatios[i], 9);
    }

    [Fact]
    public void SingularEntropyIsLnKMinusTheEntropyOfTheNormalisedSpectrum()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var total = Chosen.Sum();
        var entropy = -Chosen.Sum(s => s / total * Math.Log(s / total));
        var expected = Math.Log(Chosen.Length) - entropy;

        var result = HeadSpectrum.Of(ProbeFixtures.WithSingularValues(40, Chosen, generator));

        Assert.InRange(expected, 0.2, Math.Log(Chosen.Length));
        Assert.Equal(expected, result.SingularEntropy, 9);
    }

    [Fact]
    public void AFlatSpectrumHasZeroAndASingleDirectionHasLnK()
    {
        Assert.Equal(0.0, Spectra.SingularEntropy([2.0, 2.0, 2.0, 2.0, 2.0]), 12);
        Assert.Equal(Math.Log(5), Spectra.SingularEntropy([3.0, 0, 0, 0, 0]), 12);
    }

    [Fact]
    public void WErrorMatchesTheClosedForm()
    {
        var frobenius = Chosen.Sum(s => s * s);
        var curve = Spectra.WError(Chosen);

        Assert.Equal(Chosen.Length + 1, curve.Length);
        for (var r = 0; r <= Chosen.Length; r++)
            Assert.Equal(Math.Sqrt(Chosen.Skip(r).Sum(s => s * s) / frobenius), curve[r], 12);
        Assert.Equal(1.0, curve[0], 12);
        Assert.Equal(0.0, curve[^1], 12);
    }

    [Fact]
    public void WErrorIsTheRelativeErrorOfTheTruncatedSvd()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(4);
        var w = empty(30, 10, float64).normal_(0, 1, generator);
        var (u, s, vh) = linalg.svd(w, fullMatrices: false);
        var curve = HeadSpectrum.Of(w).WError;

        for (var r = 0; r <= 10; r++)
        {
            var truncated = u[.., ..r].matmul(diag(s[..r])).matmul(vh[..r]);
            var expected = ((w - truncated).norm().item<double>()) / w.norm().item<double>();
            Assert.Equal(expected, curve[r], 9);
        }
    }

    [Fact]
    public void WErrorWithAKnownFrobeniusNormCountsTheUnseenTail()
    {
        var frobenius = Chosen.Sum(s => s * s);
        var full = Spectra.WError(Chosen);
        var fromTop = Spectra.WError(Chosen.Take(3).ToArray(), frobenius);

        for (var r = 0; r <= 3; r++) Assert.Equal(full[r], fromTop[r], 12);
    }

    [Fact]
    public void ReadsTheModelsHead()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        using var model = new Gpt(new GptConfig { VocabularySize = 50, DModel = 16, Heads = 2 }, generator);

        var result = HeadSpectrum.Of(model);

        Assert.Equal(16, result.Singular.Length);
        Assert.True(result.Singular.Zip(result.Singular.Skip(1)).All(p => p.First >= p.Second));
        Assert.Equal(16, result.TopRatios.Length);
        Assert.Equal(17, result.WError.Length);
    }
}
