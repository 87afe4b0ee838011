namespace OrleansSweep.Compute.Tests.Probes;

/// <summary>Matrices with known spectra, built independently of the code under test.</summary>
internal static class ProbeFixtures
{
    /// <summary>A (rows × columns) matrix with orthonormal columns: the Q of a Gaussian matrix's QR.</summary>
    public static Tensor Orthonormal(int rows, int columns, Generator generator)
    {
        var gaussian = empty(rows, columns, float64).normal_(0, 1, generator);
        var (q, _) = linalg.qr(gaussian);
        return q;
    }

    /// <summary>W = U·diag(σ)·Vᵀ, (rows × σ.Length), rows ≥ σ.Length: its singular values are exactly σ.</summary>
    public static Tensor WithSingularValues(int rows, double[] singular, Generator generator)
    {
        var u = Orthonormal(rows, singular.Length, generator);
        var v = Orthonormal(singular.Length, singular.Length, generator);
        return u.matmul(diag(tensor(singular, float64))).matmul(v.t());
    }
}
