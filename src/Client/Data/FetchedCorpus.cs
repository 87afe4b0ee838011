using OrleansSweep.Compute.Corpora.Packaged;

namespace OrleansSweep.Client.Data;

/// <summary>A corpus on disk: where, how big, and its provenance (null when it is not fetched).</summary>
public sealed record FetchedCorpus(
    string Name, string Description, string Folder, bool Fetched, bool AlreadyFetched, int Files, long Bytes, CorpusProvenance? Provenance);
