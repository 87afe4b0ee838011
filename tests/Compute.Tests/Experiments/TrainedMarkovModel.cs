using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Tests.Training;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.Experiments;

/// <summary>
/// One model trained once for the class: d = 16 on the low-rank Markov language V = 64, R = 16, so its head needs about
/// rank R and a rank-2 head cannot express the next-token log-probabilities.
/// </summary>
public sealed class TrainedMarkovModel : IDisposable
{
    private readonly Trainer trainer;

    public TrainedMarkovModel()
    {
        Corpus = TrainingFixtures.Markov(vocabulary: 64, rank: 16);
        trainer = new Trainer(TrainingFixtures.Model(64, d: 16), TrainingFixtures.Options(300), Corpus, CPU);
        TrainingFixtures.Train(trainer);
    }

    public TokenCorpus Corpus { get; }

    public Gpt Model => trainer.Model;

    /// <summary>A checkpoint of the trained model under <paramref name="directory"/>.</summary>
    public string Save(string directory) => trainer.SaveCheckpoint(directory);

    public void Dispose() => trainer.Dispose();
}
