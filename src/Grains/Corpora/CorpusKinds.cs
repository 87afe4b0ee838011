namespace OrleansSweep.Grains.Corpora;

/// <summary>Every corpus kind a spec can name, registered here and nowhere else.</summary>
public static class CorpusKinds
{
    /// <summary>The kinds, in the order the unknown-kind error lists them.</summary>
    public static IReadOnlyList<ICorpusKind> All { get; } =
        [new LowRankMarkovKind(), new HiddenMarkovKind(), new RepeatKind(), new TextKind()];

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static ICorpusKind? Find(string name) => All.FirstOrDefault(kind => kind.Name == name);

    /// <summary>The kind <paramref name="spec"/> names; throws one sentence listing the kinds when there is none.</summary>
    public static ICorpusKind Of(CorpusSpec spec) =>
        Find(spec.Kind) ?? throw new ArgumentException($"corpus.kind '{spec.Kind}' is unknown; use {Names()}.");

    // "a, b, c or d".
    private static string Names() => string.Join(", ", All.SkipLast(1).Select(kind => kind.Name)) + " or " + All[^1].Name;
}
