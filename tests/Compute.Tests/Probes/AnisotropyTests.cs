using OrleansSweep.Compute.Probes;

namespace OrleansSweep.Compute.Tests.Probes;

public sealed class AnisotropyTests
{
    [Fact]
    public void IdenticalVectorsGiveOne()
    {
        using var scope = NewDisposeScope();
        var row = tensor(new[] { 0.3f, -1.2f, 2.0f, 0.5f });
        Assert.Equal(1.0, Anisotropy.Of(row.unsqueeze(0).expand(50, 4)), 12);
    }

    [Fact]
    public void OrthogonalVectorsGiveZero()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(0.0, Anisotropy.Of(eye(16) * 3.5), 12);
    }

    [Fact]
    public void OppositePairGivesMinusOne()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(-1.0, Anisotropy.Of(tensor(new[] { 1.0, 2.0, -1.0, -2.0 }, [2, 2])), 12);
    }

    [Fact]
    public void EqualsTheExplicitPairwiseCosineMean()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(5);
        // A shared offset makes the answer clearly non-zero, so a wrong normalisation cannot pass by accident.
        var h = empty(200, 12, float64).normal_(0, 1, generator) + 0.7;
        var rows = Enumerable.Range(0, 200).Select(i => h[i].data<double>().ToArray()).ToArray();

        double sum = 0;
        for (var i = 0; i < rows.Length; i++)
        for (var j = 0; j < rows.Length; j++)
            if (i != j) sum += Cosine(rows[i], rows[j]);
        var expected = sum / (rows.Length * (rows.Length - 1.0));

        Assert.InRange(expected, 0.1, 0.5);
        Assert.Equal(expected, Anisotropy.Of(h.to(float32)), 5);
        Assert.Equal(expected, Anisotropy.Of(h), 12);
    }

    private static double Cosine(double[] a, double[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var k = 0; k < a.Length; k++) { dot += a[k] * b[k]; na += a[k] * a[k]; nb += b[k] * b[k]; }
        return dot / Math.Sqrt(na * nb);
    }
}
