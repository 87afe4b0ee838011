namespace OrleansSweep.Compute.Models;

/// <summary>
/// Eval mode without gradients for the span of a using block; the module's previous mode comes back on dispose, also when
/// the block throws, so an evaluation or probe in the middle of training never leaves the model in eval mode.
/// </summary>
public readonly struct EvaluationMode : IDisposable
{
    private readonly nn.Module module;
    private readonly bool wasTraining;
    private readonly IDisposable noGrad;

    public EvaluationMode(nn.Module module)
    {
        this.module = module;
        wasTraining = module.training;
        module.eval();
        noGrad = no_grad();
    }

    public void Dispose()
    {
        noGrad.Dispose();
        if (wasTraining) module.train();
    }
}
