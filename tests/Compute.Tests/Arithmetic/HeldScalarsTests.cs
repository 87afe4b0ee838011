using OrleansSweep.Compute.Arithmetic;

namespace OrleansSweep.Compute.Tests.Arithmetic;

public sealed class HeldScalarsTests
{
    [Fact]
    public void ComputeMakesNoScalarThatNothingHolds()
    {
        var found = UnheldScalarCalls.In(typeof(HeldScalars).Assembly.Location);

        Assert.True(found.Count == 0, "unheld Scalars (use HeldScalars or a disposed ToScalar()):\n" + string.Join("\n", found));
    }

    [Fact]
    public void TheScanFindsTheKnownCulprits()
    {
        // What the scan must catch, read from TorchSharp's IL: a + b passes alpha = 1, square() is pow(2), arange(n) passes 0 and 1.
        var hazards = UnheldScalarCalls.TorchSharpMethodsMakingScalars();

        Assert.Contains("Tensor::op_Addition/2", hazards);
        Assert.Contains("Tensor::add/1", hazards);
        Assert.Contains("Tensor::square/0", hazards);
        Assert.Contains("torch::arange/4", hazards);
        Assert.Contains("AdamW::step/1", hazards);
        Assert.DoesNotContain("Tensor::add/2", hazards);
        Assert.DoesNotContain("Tensor::mul/1", hazards);
    }

    [Fact]
    public void EachFormComputesWhatItsOperatorDoes()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new[] { -2.0, 0.5, 3.0 });
        var b = tensor(new[] { 1.0, -4.0, 0.25 });

        Assert.Equal(new[] { -1.0, -3.5, 3.25 }, a.Plus(b).data<double>().ToArray());
        Assert.Equal(new[] { -1.0, 1.5, 4.0 }, a.Plus(1.0).data<double>().ToArray());
        Assert.Equal(new[] { -4.0, 1.0, 6.0 }, a.Times(2).data<double>().ToArray());
        Assert.Equal(new[] { -1.0, 0.25, 1.5 }, a.DividedBy(2).data<double>().ToArray());
        Assert.Equal(new[] { -8.0, 0.125, 27.0 }, a.Power(3).data<double>().ToArray());
        Assert.Equal(new[] { 4.0, 0.25, 9.0 }, a.Squared().data<double>().ToArray());
        Assert.Equal(new[] { 0.0, 0.5, 3.0 }, a.AtLeast(0).data<double>().ToArray());
        Assert.Equal(new[] { false, false, true }, a.GreaterThan(0.5).data<bool>().ToArray());
        Assert.Equal(new[] { false, true, true }, a.AtLeastAsLargeAs(0.5).data<bool>().ToArray());
        Assert.Equal(new[] { 0L, 1L, 2L, 3L }, HeldScalars.Positions(4, CPU).data<long>().ToArray());
        a.PlusInPlace(b);
        Assert.Equal(new[] { -1.0, -3.5, 3.25 }, a.data<double>().ToArray());
    }
}
