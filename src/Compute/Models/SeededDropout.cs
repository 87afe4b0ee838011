using OrleansSweep.Compute.Arithmetic;

namespace OrleansSweep.Compute.Models;

/// <summary>
/// Dropout whose masks come from the run's own generator rather than torch's global one, which concurrent runs in one
/// process share; the generator's state goes into checkpoints, so a resumed run draws the same masks.
/// </summary>
public sealed class SeededDropout(double probability, Generator generator) : nn.Module<Tensor, Tensor>(nameof(SeededDropout))
{
    public override Tensor forward(Tensor x)
    {
        if (!training || probability == 0) return x;
        var keep = rand(x.shape, generator: generator, device: generator.device).AtLeastAsLargeAs(probability);
        return x.mul(keep.to(x.device)).DividedBy(1 - probability);
    }
}
