using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>What one indexing run did.</summary>
public sealed record IndexRunReport(
    int FilesScanned,
    int Added,
    int Updated,
    int Deleted,
    int Unchanged,
    IReadOnlyList<ArchiveProblem> Skipped,
    TimeSpan Elapsed,
    long SourceBytes)
{
    /// <summary>Articles parsed and written: added plus updated.</summary>
    public int Indexed => Added + Updated;

    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Indexed / Elapsed.TotalSeconds : 0;
}
