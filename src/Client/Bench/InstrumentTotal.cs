namespace OrleansSweep.Client.Bench;

/// <summary>One instrument's measurements during a bench: how many, and their sum in the instrument's unit.</summary>
public sealed record InstrumentTotal(string Name, long Count, double Sum);
