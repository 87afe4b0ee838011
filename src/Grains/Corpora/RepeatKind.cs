using System.Globalization;
using OrleansSweep.Compute.Corpora;

namespace OrleansSweep.Grains.Corpora;

/// <summary>corpus.kind repeat (SCIENCE.md §12): sequences of one repeated token, with a closed-form optimum.</summary>
internal sealed class RepeatKind : ICorpusKind
{
    public string Name => "repeat";

    public (string Description, double? OptimalLoss) Describe(CorpusSpec spec, CorpusCatalog corpora) =>
    (
        string.Create(CultureInfo.InvariantCulture, $"repeat V={spec.Vocabulary} L={spec.SequenceLength} seed={spec.Seed}"),
        Language(spec).OptimalLoss
    );

    public TokenCorpus Build(CorpusSpec spec, string dataDirectory) =>
        CorpusLoader.FromRepeat(Language(spec), spec.Seed, spec.TrainTokens, spec.HeldOutTokens);

    /// <summary>Refuses a context that would cut held-out windows across the sequences.</summary>
    public void CheckContext(CorpusSpec spec, int context)
    {
        if (spec.SequenceLength > 0 && context % spec.SequenceLength != 0)
            throw new ArgumentException(
                $"model.context {context} is not a multiple of corpus.sequence_length {spec.SequenceLength}, so held-out windows " +
                "would start mid-sequence; make the context a multiple of it.");
    }

    private static RepeatLanguage Language(CorpusSpec spec) => new(spec.Vocabulary, spec.SequenceLength);
}
