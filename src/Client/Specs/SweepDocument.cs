namespace OrleansSweep.Client.Specs;

/// <summary>The YAML shape of a sweep spec; only the grid differs from the wire record (a mapping, not a list).</summary>
public sealed class SweepDocument
{
    public string Name { get; set; } = "";
    public CorpusSpec Corpus { get; set; } = new();
    public ModelSpec Model { get; set; } = new();
    public TrainingSpec Training { get; set; } = new();
    public Dictionary<string, List<double>> Grid { get; set; } = [];
    public int MaxConcurrent { get; set; } = 2;
    public int MaxFailures { get; set; } = 3;
    public int KeepCheckpoints { get; set; } = 3;
    public ProbeSpec Probes { get; set; } = new();
    public AnalysisSpec Analysis { get; set; } = new();
}
