using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>What one indexing run did: files seen, articles indexed, files skipped and why.</summary>
public sealed record IndexRunReport(int FilesScanned, int Indexed, IReadOnlyList<ArchiveProblem> Skipped, TimeSpan Elapsed, long SourceBytes)
{
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Indexed / Elapsed.TotalSeconds : 0;
}

/// <summary>Progress of a running indexing job.</summary>
public readonly record struct IndexProgress(int Done, int Total);
