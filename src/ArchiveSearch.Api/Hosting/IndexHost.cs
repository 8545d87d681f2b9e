using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Related;
using ArchiveSearch.Engine.Reindexing;
using ArchiveSearch.Engine.Searching;
using ArchiveSearch.Engine.Suggesting;

namespace ArchiveSearch.Api.Hosting;

/// <summary>
/// Holds the open live index and its searcher, and the reindex jobs. Until an index is open, searches answer
/// "not ready"; the jobs exist even then, so a broken index can be rebuilt by a reindex job. During a first build
/// the index is open and searched while it grows.
/// </summary>
public sealed class IndexHost : IDisposable
{
    private volatile Opened? current;
    private volatile ReindexCoordinator? jobs;
    private volatile ReindexJob? firstBuild;
    private DateTimeOffset? lastBuiltAt;

    public bool IsReady => current is not null;

    /// <summary>The first build while it runs (searches answer from its committed batches meanwhile), else null.</summary>
    public ReindexJob? FirstBuild => firstBuild is { IsFinished: false } job ? job : null;

    public ArticleSearcher Searcher => Current.Searcher;

    public Suggester Suggester => Current.Suggester;

    public RelatedArticles Related => Current.Related;

    public LiveIndex Index => Current.Index;

    public ReindexCoordinator Jobs => jobs ?? throw new IndexNotReadyException("The service is still starting; try again shortly.");

    /// <summary>When the index was last opened, built or updated by a reindex job in this process.</summary>
    public DateTimeOffset? LastBuiltAt => lastBuiltAt;

    private Opened Current => current ?? throw new IndexNotReadyException(
        "The index is not open: it may still be building, or it could not be opened (see the log; a full reindex rebuilds it).");

    internal void Publish(LiveIndex index)
    {
        lastBuiltAt = DateTimeOffset.UtcNow;
        current = new Opened(index, new ArticleSearcher(index), new Suggester(index), new RelatedArticles(index));
    }

    internal void UseJobs(ReindexCoordinator coordinator) => jobs = coordinator;

    internal void StartedFirstBuild(ReindexJob job) => firstBuild = job;

    internal void MarkBuilt() => lastBuiltAt = DateTimeOffset.UtcNow;

    public void Dispose()
    {
        // Jobs first: a running one is cancelled and leaves the index as it was.
        jobs?.Dispose();
        current?.Index.Dispose();
    }

    private sealed record Opened(LiveIndex Index, ArticleSearcher Searcher, Suggester Suggester, RelatedArticles Related);
}
