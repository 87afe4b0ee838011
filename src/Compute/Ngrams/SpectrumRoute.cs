namespace OrleansSweep.Compute.Ngrams;

/// <summary>How the n-gram rank estimate obtains the singular values (SCIENCE §9).</summary>
public enum SpectrumRoute
{
    /// <summary>Exact up to <see cref="NgramRankOptions.ExactLimit"/> columns, randomised above.</summary>
    Auto,

    /// <summary>Every σ, from the eigenvalues of the Gram matrix WᵀW.</summary>
    Exact,

    /// <summary>The top k σ by randomised block Krylov, and ‖W‖_F² for the tail of the W-error curve.</summary>
    Randomized,
}
