using System.Globalization;

namespace OrleansSweep.Client.Views;

/// <summary>The model and training settings a sweep's runs may differ in, by short name, for tables, legends and labels.</summary>
public static class RunAxes
{
    private static readonly (string Name, Func<RunResult, string> Value)[] All =
    [
        ("d", r => $"{r.Model.DModel}"),
        ("L", r => $"{r.Model.Layers}"),
        ("heads", r => $"{r.Model.Heads}"),
        ("r", r => r.Model.HeadRank?.ToString(CultureInfo.InvariantCulture) ?? "full"),
        ("T", r => $"{r.Model.Context}"),
        ("lr", r => r.Training.LearningRate.ToString("g3", CultureInfo.InvariantCulture)),
        ("batch", r => $"{r.Training.BatchSize}"),
        ("steps", r => $"{r.Training.Steps}"),
        ("seed", r => $"{r.Training.Seed}"),
    ];

    /// <summary>d always, then every other axis whose value differs between <paramref name="runs"/>.</summary>
    public static IReadOnlyList<(string Name, Func<RunResult, string> Value)> Varying(IReadOnlyList<RunResult> runs) =>
        All.Where(a => a.Name == "d" || runs.Select(a.Value).Distinct().Count() > 1).ToList();

    /// <summary>"d=64", plus name=value of every other varying axis: a run's name in legends.</summary>
    public static string Label(RunResult run, IReadOnlyList<(string Name, Func<RunResult, string> Value)> varying) =>
        string.Join(' ', varying.Select(a => $"{a.Name}={a.Value(run)}"));
}
