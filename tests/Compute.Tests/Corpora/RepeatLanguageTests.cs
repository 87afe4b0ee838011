using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.Corpora;

public sealed class RepeatLanguageTests
{
    [Fact]
    public void StreamIsSequencesOfOneRepeatedTokenFromAnAlignedStart()
    {
        var language = new RepeatLanguage(vocabularySize: 50, sequenceLength: 7);

        var stream = language.Sample(7 * 400 + 3, seed: 1);

        Assert.All(Enumerable.Range(0, stream.Length), t => Assert.Equal(stream[t - t % 7], stream[t]));
        var firsts = Enumerable.Range(0, 401).Select(k => stream[7 * k]).ToList();
        Assert.All(firsts, token => Assert.InRange(token, 0, 49));
        Assert.True(firsts.Distinct().Count() > 40, "the sequences' tokens should spread over the vocabulary");
        Assert.Equal(stream, language.Sample(stream.Length, seed: 1));
    }

    [Theory]
    [InlineData(3, 2, 4)]
    [InlineData(2, 3, 6)]
    [InlineData(3, 4, 4)]
    public void OptimalLossIsTheBayesRiskOfTheHeldOutWindowsWhenTheSequenceLengthDividesTheContext(int vocabulary, int sequence, int context)
    {
        var language = new RepeatLanguage(vocabulary, sequence);

        Assert.Equal(language.OptimalLoss, HeldOutBayesRisk(vocabulary, sequence, context), 12);
        Assert.Equal(Math.Log(vocabulary) / sequence, language.OptimalLoss, 15);
    }

    [Fact]
    public void MisalignedWindowsCostMoreThanTheOptimum()
    {
        // Why the trainer insists that L divide T: held-out windows would start mid-sequence, where the next start is unknown.
        var language = new RepeatLanguage(vocabularySize: 3, sequenceLength: 2);

        Assert.True(HeldOutBayesRisk(3, 2, 3) > language.OptimalLoss + 0.01);
    }

    [Fact]
    public void TrainingWindowsStartOnlyAtSequenceStarts()
    {
        // Token ids are stream positions, so a window's first input is where it starts.
        var stream = Enumerable.Range(0, 1000).ToArray();
        var sampler = new BatchSampler(stream, contextLength: 12, batchSize: 32, seed: 5, sequenceLength: 4);

        var starts = new HashSet<long>();
        for (var step = 0; step < 20; step++)
        {
            var (inputs, targets) = sampler.Batch(step, CPU);
            using (inputs)
            using (targets)
            {
                var first = inputs[.., 0].data<long>().ToArray();
                Assert.All(first, start => Assert.Equal(0, start % 4));
                Assert.All(first, start => Assert.InRange(start, 0, 1000 - 13));
                starts.UnionWith(first);
            }
        }

        Assert.True(starts.Count > 100, $"only {starts.Count} distinct starts");
    }

    [Fact]
    public void TrainerRefusesAContextThatIsNotAMultipleOfTheSequenceLength()
    {
        var corpus = CorpusLoader.FromRepeat(new RepeatLanguage(16, 5), seed: 1, trainTokens: 1000, heldOutTokens: 200);

        var error = Assert.Throws<ArgumentException>(() => CreateTrainer(corpus, context: 16));

        Assert.Contains("sequence_length (5)", error.Message);
    }

    [Fact]
    public void SmallGptTrainedOnTheRepeatLanguageReachesItsOptimum()
    {
        var language = new RepeatLanguage(vocabularySize: 16, sequenceLength: 4);
        var corpus = CorpusLoader.FromRepeat(language, seed: 3, trainTokens: 1 << 15, heldOutTokens: 1 << 12);
        using var trainer = new Trainer(
            Training.TrainingFixtures.Model(16, d: 32, context: 16), Training.TrainingFixtures.Options(steps: 300), corpus, CPU);

        var (_, final) = Training.TrainingFixtures.Train(trainer);

        Assert.InRange(final.Loss, language.OptimalLoss - 3 * final.StandardError, language.OptimalLoss + 0.05);
    }

    private static Trainer CreateTrainer(TokenCorpus corpus, int context) =>
        new(Training.TrainingFixtures.Model(16, d: 8, context: context), Training.TrainingFixtures.Options(steps: 1), corpus, CPU);

    // H(target | window position, inputs so far), enumerating every held-out stream of two windows and pooling their
    // positions as the evaluator does (HeldOutEvaluator's cut: input i = stream[i], target i = stream[i + 1]).
    private static double HeldOutBayesRisk(int vocabulary, int sequence, int context)
    {
        var length = 2 * context + 1;
        var sequences = (length + sequence - 1) / sequence;
        var joint = new Dictionary<string, Dictionary<int, double>>();
        var streams = (int)Math.Pow(vocabulary, sequences);
        for (var code = 0; code < streams; code++)
        {
            var stream = new int[length];
            for (int t = 0, rest = code; t < length; t++)
            {
                stream[t] = rest / (int)Math.Pow(vocabulary, t / sequence) % vocabulary;
            }

            var windows = HeldOutEvaluator.WindowCount(stream, context, int.MaxValue);
            Assert.Equal(2, windows);
            for (var i = 0; i < windows * context; i++)
            {
                var windowStart = i - i % context;
                var key = $"{i % context}:{string.Join(',', stream[windowStart..(i + 1)])}";
                if (!joint.TryGetValue(key, out var targets)) joint[key] = targets = [];
                targets[stream[i + 1]] = targets.GetValueOrDefault(stream[i + 1]) + 1.0;
            }
        }

        var total = joint.Values.Sum(targets => targets.Values.Sum());
        var risk = 0.0;
        foreach (var targets in joint.Values)
        {
            var count = targets.Values.Sum();
            risk -= targets.Values.Sum(n => n / total * Math.Log(n / count));
        }

        return risk;
    }
}
