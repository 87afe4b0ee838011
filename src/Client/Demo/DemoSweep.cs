namespace OrleansSweep.Client.Demo;

/// <summary>
/// The built-in sweep: a low-rank Markov language of rank R and GPTs whose d spans well below and above it. A model with
/// d ≥ R + 1 can reach the exact optimum; one with d ≪ R cannot, however long it trains: the softmax bottleneck.
/// </summary>
public static class DemoSweep
{
    public static SweepSpec Create(string name, bool quick) => quick
        ? new SweepSpec
        {
            Name = name,
            Corpus = new CorpusSpec { Vocabulary = 64, Rank = 16, TrainTokens = 1 << 18, HeldOutTokens = 1 << 13 },
            Model = new ModelSpec { Context = 32, Layers = 1, Heads = 1 },
            Training = new TrainingSpec
            {
                Steps = 300, BatchSize = 16, LearningRate = 1e-2, WarmupSteps = 15, EvalEvery = 100, EvalTokens = 4096,
                CheckpointEvery = 100,
            },
            Grid = [new GridAxis("d_model", [2, 8, 32])],
            MaxConcurrent = 2,
        }
        : new SweepSpec
        {
            Name = name,
            Corpus = new CorpusSpec { Vocabulary = 256, Rank = 32 },
            Model = new ModelSpec { Context = 64, Layers = 2, Heads = 1 },
            Training = new TrainingSpec { Steps = 1000, BatchSize = 32, LearningRate = 5e-3, EvalEvery = 100, EvalTokens = 16_384 },
            Grid = [new GridAxis("d_model", [4, 8, 16, 32, 64])],
            MaxConcurrent = 2,
        };
}
