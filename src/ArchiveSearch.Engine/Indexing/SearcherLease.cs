using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>An acquired searcher that goes back to its manager when disposed, so old readers can close.</summary>
public sealed class SearcherLease : IDisposable
{
    private readonly SearcherManager manager;
    private readonly SearchIndex owner;
    private IndexSearcher? searcher;

    internal SearcherLease(SearcherManager manager, SearchIndex owner)
    {
        this.manager = manager;
        this.owner = owner;
        searcher = manager.Acquire();
    }

    public IndexSearcher Searcher => searcher ?? throw new ObjectDisposedException(nameof(SearcherLease));

    public void Dispose()
    {
        if (searcher is null) return;
        manager.Release(searcher);
        searcher = null;
        owner.ReleaseLease();
    }
}
