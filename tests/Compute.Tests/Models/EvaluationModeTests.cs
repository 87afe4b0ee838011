using OrleansSweep.Compute.Models;

namespace OrleansSweep.Compute.Tests.Models;

public sealed class EvaluationModeTests
{
    [Fact]
    public void ModeAndGradientsComeBackEvenWhenTheBlockThrows()
    {
        using var generator = new Generator(1);
        using var model = new Gpt(new GptConfig { VocabularySize = 8, ContextLength = 4, DModel = 4, Layers = 1, Heads = 1 }, generator);
        model.train();

        Assert.Throws<InvalidOperationException>(() => ProbeThatFails(model));

        Assert.True(model.training);
        Assert.True(is_grad_enabled());
    }

    private static void ProbeThatFails(Gpt model)
    {
        using (new EvaluationMode(model))
        {
            Assert.False(model.training);
            Assert.False(is_grad_enabled());
            throw new InvalidOperationException("a probe failed");
        }
    }

    [Fact]
    public void AModelInEvalModeStaysInEvalMode()
    {
        using var generator = new Generator(1);
        using var model = new Gpt(new GptConfig { VocabularySize = 8, ContextLength = 4, DModel = 4, Layers = 1, Heads = 1 }, generator);
        model.eval();

        using (new EvaluationMode(model)) { }

        Assert.False(model.training);
    }
}
