namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// How often a first build commits: after <see cref="Interval"/> or <see cref="Files"/> files written, whichever
/// comes first. Each commit makes the build so far searchable and durable; it costs a segment flush, an fsync and
/// a searcher refresh, so batches stay seconds apart.
/// </summary>
public sealed record BatchCommits(TimeSpan Interval, int Files)
{
    public static BatchCommits Default { get; } = new(TimeSpan.FromSeconds(5), 5_000);
}
