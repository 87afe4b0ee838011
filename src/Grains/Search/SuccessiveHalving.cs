namespace OrleansSweep.Grains.Search;

// STUB until the asha branch merges.
public sealed class SuccessiveHalving(EarlyTerminateSpec spec, bool minimize)
{
    public static string? Problem(EarlyTerminateSpec spec, int evalEvery, int steps) => null;
    public static int BracketOf(int runIndex, int s) => runIndex % s;
    public IReadOnlyList<int> Rungs(int bracket, int steps) => [];
    public bool Continues(int bracket, int rungStep, double metric) => minimize || spec.Eta > 0;
    public void Record(int bracket, int rungStep, double metric) { }
}
