namespace OrleansSweep.Grains.Search;

/// <summary>One coordinate of a sweep's runs: the field it sets, how it is searched, and its name in messages (grid.x or parameters.x).</summary>
public sealed record SearchDimension(string Path, SpecField Field, ParameterSpec Parameter)
{
    public string Name => Field.Name;
}
