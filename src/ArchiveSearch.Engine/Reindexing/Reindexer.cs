using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Engine.Reindexing;

/// <summary>The ways to bring the live index up to date with the archive, shared by the service's jobs and the CLI.</summary>
public static class Reindexer
{
    /// <param name="batches">How often a <see cref="ReindexMode.FirstBuild"/> commits (the other modes commit once).</param>
    public static IndexRunReport Run(LiveIndex live, string archiveRoot, ReindexMode mode, ReindexProgress? progress = null,
        CancellationToken cancellation = default, BatchCommits? batches = null) => mode switch
    {
        ReindexMode.Incremental => ArchiveIndexer.Run(live.Current, archiveRoot, progress, cancellation),
        ReindexMode.Full => RebuildFully(live, archiveRoot, progress, cancellation),
        ReindexMode.FirstBuild => live.BuildFirst(archiveRoot, progress, cancellation, batches),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a reindex mode."),
    };

    /// <summary>
    /// Builds a new generation beside the live one from the whole archive and switches to it only when it
    /// is committed; searches answer from the old generation until then. On failure or cancellation the
    /// new generation is deleted and the old one stays.
    /// </summary>
    private static IndexRunReport RebuildFully(LiveIndex live, string archiveRoot, ReindexProgress? progress, CancellationToken cancellation)
    {
        var (next, generation) = live.CreateNextGeneration();
        IndexRunReport report;
        try
        {
            report = ArchiveIndexer.Run(next, archiveRoot, progress, cancellation, previous: live.Current);
            cancellation.ThrowIfCancellationRequested();
        }
        catch
        {
            live.Discard(next, generation);
            throw;
        }
        live.SwitchTo(next, generation);
        return report;
    }
}
