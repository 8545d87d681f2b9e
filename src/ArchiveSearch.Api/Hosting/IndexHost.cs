using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Reindexing;
using ArchiveSearch.Engine.Searching;

namespace ArchiveSearch.Api.Hosting;

/// <summary>Holds the open live index, its searcher and its reindex jobs; until it is open, every call answers "not ready".</summary>
public sealed class IndexHost : IDisposable
{
    private volatile Opened? current;
    private DateTimeOffset? lastBuiltAt;

    public bool IsReady => current is not null;

    public ArticleSearcher Searcher => Current.Searcher;

    public LiveIndex Index => Current.Index;

    public ReindexCoordinator Jobs => Current.Jobs;

    /// <summary>When the index was last built or updated by this process (start-up build or a reindex job), or opened.</summary>
    public DateTimeOffset? LastBuiltAt => lastBuiltAt;

    private Opened Current => current ?? throw new IndexNotReadyException("The index is not open yet; the archive may still be indexing. Try again shortly.");

    internal void Publish(LiveIndex index, ReindexCoordinator jobs)
    {
        lastBuiltAt = DateTimeOffset.UtcNow;
        current = new Opened(index, new ArticleSearcher(index), jobs);
    }

    internal void MarkBuilt() => lastBuiltAt = DateTimeOffset.UtcNow;

    public void Dispose()
    {
        if (current is not { } opened) return;
        opened.Jobs.Dispose();
        opened.Index.Dispose();
    }

    private sealed record Opened(LiveIndex Index, ArticleSearcher Searcher, ReindexCoordinator Jobs);
}
