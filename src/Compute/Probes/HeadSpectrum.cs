namespace OrleansSweep.Compute.Probes;

/// <summary>Singular values of the LM head W and the numbers derived from them (SCIENCE §2–3).</summary>
public static class HeadSpectrum
{
    /// <summary>The spectrum of the model's effective head (for a factorised head, of the product).</summary>
    public static HeadSpectrumResult Of(IProbedModel model)
    {
        using var noGrad = no_grad();
        return Of(model.HeadWeight());
    }

    /// <summary>The spectrum of <paramref name="weight"/> (V×d), computed in float64 on the CPU.</summary>
    public static HeadSpectrumResult Of(Tensor weight)
    {
        double[] singular;
        using (var scope = NewDisposeScope())
        {
            // Float64: the tail of a collapsed spectrum sits many orders below σ_1, under float32's resolution.
            singular = linalg.svdvals(weight.detach().to(float64).cpu()).data<double>().ToArray();
        }
        return new HeadSpectrumResult(singular, Spectra.TopRatios(singular), Spectra.SingularEntropy(singular), Spectra.WError(singular));
    }
}
