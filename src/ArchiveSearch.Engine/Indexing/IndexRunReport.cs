using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>What one indexing run did; <see cref="MergeTime"/> is the part of <see cref="Elapsed"/> spent merging segments before the commit.</summary>
public sealed record IndexRunReport(
    int FilesScanned,
    int Added,
    int Updated,
    int Deleted,
    int Unchanged,
    IReadOnlyList<ArchiveProblem> Skipped,
    TimeSpan Elapsed,
    long SourceBytes,
    TimeSpan MergeTime = default)
{
    /// <summary>Articles parsed and written: added plus updated.</summary>
    public int Indexed => Added + Updated;

    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Indexed / Elapsed.TotalSeconds : 0;
}
