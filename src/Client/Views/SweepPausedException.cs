namespace OrleansSweep.Client.Views;

/// <summary>Waiting for a paused sweep would never end: the watcher stops and says how to resume it.</summary>
public sealed class SweepPausedException(string sweep)
    : Exception($"sweep '{sweep}' is paused, so it will not finish while you wait; `resume {sweep}` continues it.");
