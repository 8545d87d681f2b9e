using ArchiveSearch.Engine.Errors;
using Lucene.Net.Analysis;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// The index that searches are served from, across full rebuilds. Searches take a lease on the current
/// generation; <see cref="SwitchTo"/> installs a rebuilt one atomically, and the old one closes (and its
/// folder is deleted) only when the last search using it has finished.
/// </summary>
public sealed class LiveIndex : ISearcherSource, IDisposable
{
    private readonly IndexCatalog catalog;
    private volatile SearchIndex current;
    private string currentGeneration;

    private LiveIndex(IndexCatalog catalog, SearchIndex current, string generation, IReadOnlyList<string> removed)
    {
        this.catalog = catalog;
        this.current = current;
        currentGeneration = generation;
        RemovedAtOpen = removed;
    }

    public Analyzer Analyzer => current.Analyzer;

    /// <summary>The generation being written to by incremental jobs and served to searches.</summary>
    public SearchIndex Current => current;

    public string Generation => currentGeneration;

    /// <summary>Generations found at open that were not current (an interrupted rebuild, an old one not yet deleted) and were removed.</summary>
    public IReadOnlyList<string> RemovedAtOpen { get; }

    /// <summary>Opens the current generation for writing, creating the first one when there is none.</summary>
    public static LiveIndex Open(string root, Analyzer analyzer)
    {
        var catalog = new IndexCatalog(root);
        var generation = catalog.Current;
        var isNew = generation is null;
        generation ??= catalog.CreateGeneration();
        var index = SearchIndex.Open(catalog.PathOf(generation), analyzer);
        // Published only once the empty index is committed, so CURRENT never names an unopenable folder.
        if (isNew) catalog.Publish(generation);
        var removed = catalog.RemoveOthers();
        return new LiveIndex(catalog, index, generation, removed);
    }

    /// <summary>
    /// Builds a new generation from the whole archive without opening the current one (which may be corrupt),
    /// makes it current once committed, and opens it; every other generation is then removed.
    /// </summary>
    public static LiveIndex BuildNew(string root, Analyzer analyzer, string archiveRoot, ReindexProgress? progress = null, CancellationToken cancellation = default)
    {
        var catalog = new IndexCatalog(root);
        var generation = catalog.CreateGeneration();
        try
        {
            using (var index = SearchIndex.Open(catalog.PathOf(generation), analyzer))
            {
                ArchiveIndexer.Run(index, archiveRoot, progress, cancellation);
            }
            cancellation.ThrowIfCancellationRequested();
        }
        catch
        {
            catalog.TryDelete(generation);
            throw;
        }
        catalog.Publish(generation);
        return Open(root, analyzer);
    }

    /// <summary>
    /// True while the live generation has never been completely built: it is empty, or a first build on it was
    /// interrupted (killed, stopped, failed). <see cref="BuildFirst"/> then builds it, or finishes it.
    /// </summary>
    public bool NeedsFirstBuild => catalog.UnfinishedFirstBuild == currentGeneration || current.ArticleCount == 0;

    /// <summary>
    /// The first build of the live generation, committed in batches: there is nothing older for searches to stay
    /// consistent with, so they see the index grow, and a kill keeps every batch committed so far. A file already
    /// indexed (by an interrupted build) with the same content hash is not parsed again, so the next build resumes
    /// where the last batch ended. Unlike the other runs, a cancelled or failed first build keeps what it committed.
    /// </summary>
    public IndexRunReport BuildFirst(string archiveRoot, ReindexProgress? progress = null, CancellationToken cancellation = default, BatchCommits? batches = null)
    {
        // Marked before the first batch commits: from then on an article count above zero no longer means "built".
        catalog.MarkFirstBuild(currentGeneration);
        var report = ArchiveIndexer.Run(current, archiveRoot, progress, cancellation, batches: batches ?? BatchCommits.Default);
        catalog.ClearFirstBuild();
        return report;
    }

    /// <summary>Opens the current generation for searching only (no write lock, nothing removed).</summary>
    public static LiveIndex OpenReadOnly(string root, Analyzer analyzer)
    {
        var catalog = new IndexCatalog(root);
        var generation = catalog.Current ?? throw new IndexNotReadyException($"There is no index at {catalog.Root}.");
        return new LiveIndex(catalog, SearchIndex.OpenReadOnly(catalog.PathOf(generation), analyzer), generation, []);
    }

    public int ArticleCount
    {
        get
        {
            using var lease = AcquireSearcher();
            return lease.Searcher.IndexReader.NumDocs;
        }
    }

    public SearcherLease AcquireSearcher()
    {
        // A switch may retire the index between reading `current` and leasing it: then read again.
        while (true)
        {
            if (current.TryAcquireSearcher() is { } lease) return lease;
        }
    }

    /// <summary>A new, empty generation beside the live one, for a full rebuild.</summary>
    public (SearchIndex Index, string Generation) CreateNextGeneration()
    {
        var generation = catalog.CreateGeneration();
        return (SearchIndex.Open(catalog.PathOf(generation), Analyzer, NewGenerationWrapper), generation);
    }

    /// <summary>Tests wrap the directories of new generations to inject I/O failures (a disk filling up mid-rebuild).</summary>
    internal Func<Lucene.Net.Store.Directory, Lucene.Net.Store.Directory>? NewGenerationWrapper { get; set; }

    /// <summary>Makes a committed rebuild live: CURRENT first (the durable truth), then the searchers.</summary>
    public void SwitchTo(SearchIndex next, string generation)
    {
        catalog.Publish(generation);
        // A complete rebuild finishes whatever first build the old generation had left unfinished.
        catalog.ClearFirstBuild();
        var old = current;
        var oldGeneration = currentGeneration;
        currentGeneration = generation;
        current = next;
        old.Retire(then: () => catalog.TryDelete(oldGeneration));
    }

    /// <summary>Abandons a rebuild that will not be switched to.</summary>
    public void Discard(SearchIndex candidate, string generation)
    {
        candidate.Dispose();
        catalog.TryDelete(generation);
    }

    public void Dispose() => current.Dispose();
}
