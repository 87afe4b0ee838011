namespace OrleansSweep.Compute.Arithmetic;

/// <summary>
/// Tensor arithmetic whose number operands cannot be freed during their native call. TorchSharp turns numbers into
/// <see cref="Scalar"/>s that only a finalizer frees, often inside its own methods (a + b passes alpha = 1, square() is
/// pow(2), arange(n) passes 0 and 1), and nothing keeps one alive while libtorch reads it: a collection started by another
/// thread can free it mid-call, and runs sharing a process then fail at random steps. Every <see cref="Scalar"/> here is
/// static or disposed after its call; code that runs beside other runs uses these instead of operators on tensors.
/// </summary>
public static class HeldScalars
{
    // Static, so reachable (never finalized) for the life of the process; libtorch only reads them.
    private static readonly Scalar Zero = 0.ToScalar();
    private static readonly Scalar One = 1.ToScalar();

    /// <summary>a + b, as the + operator computes it.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>a + b in place.</summary>
    public static Tensor PlusInPlace(this Tensor a, Tensor b) => a.add_(b, One);

    /// <summary>t + <paramref name="value"/>.</summary>
    public static Tensor Plus(this Tensor t, double value)
    {
        using var scalar = value.ToScalar();
        return t.add(scalar, One);
    }

    /// <summary>t · <paramref name="factor"/>.</summary>
    public static Tensor Times(this Tensor t, double factor)
    {
        using var scalar = factor.ToScalar();
        return t.mul(scalar);
    }

    /// <summary>t / <paramref name="divisor"/>.</summary>
    public static Tensor DividedBy(this Tensor t, double divisor)
    {
        using var scalar = divisor.ToScalar();
        return t.div(scalar);
    }

    /// <summary>t raised to <paramref name="exponent"/> elementwise.</summary>
    public static Tensor Power(this Tensor t, double exponent)
    {
        using var scalar = exponent.ToScalar();
        return t.pow(scalar);
    }

    /// <summary>t², as t·t (what square() computes through pow(2)).</summary>
    public static Tensor Squared(this Tensor t) => t.mul(t);

    /// <summary>max(t, <paramref name="minimum"/>) elementwise.</summary>
    public static Tensor AtLeast(this Tensor t, double minimum)
    {
        using var scalar = minimum.ToScalar();
        return t.clamp_min(scalar);
    }

    /// <summary>t &gt; <paramref name="value"/> elementwise.</summary>
    public static Tensor GreaterThan(this Tensor t, double value)
    {
        using var scalar = value.ToScalar();
        return t.gt(scalar);
    }

    /// <summary>t ≥ <paramref name="value"/> elementwise.</summary>
    public static Tensor AtLeastAsLargeAs(this Tensor t, double value)
    {
        using var scalar = value.ToScalar();
        return t.ge(scalar);
    }

    /// <summary>0, 1, …, <paramref name="count"/> − 1 as int64 on <paramref name="device"/>.</summary>
    public static Tensor Positions(long count, Device device)
    {
        using var stop = count.ToScalar();
        return arange(Zero, stop, One, ScalarType.Int64, device);
    }
}
