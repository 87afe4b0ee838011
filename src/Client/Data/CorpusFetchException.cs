namespace OrleansSweep.Client.Data;

/// <summary>A corpus could not be fetched (a tool missing or failing, a package not as expected); the message is one sentence.</summary>
public sealed class CorpusFetchException(string message) : Exception(message);
