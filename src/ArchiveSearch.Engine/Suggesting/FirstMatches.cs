using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Suggesting;

/// <summary>
/// Passes the first <paramref name="limit"/> matches (in index order) to <paramref name="inner"/>, then stops the search:
/// a short text typed into a large archive matches most titles, and ranking them all would cost a search's time.
/// </summary>
internal sealed class FirstMatches(ICollector inner, int limit) : ICollector
{
    private int collected;

    /// <summary>Runs the search, to its end or to the limit.</summary>
    public void Search(IndexSearcher searcher, Query query)
    {
        try
        {
            searcher.Search(query, this);
        }
        catch (LimitReachedException)
        {
            // The inner collector holds what it was given: all this search is meant to look at.
        }
    }

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void Collect(int doc)
    {
        inner.Collect(doc);
        if (++collected >= limit) throw new LimitReachedException();
    }

    public void SetNextReader(AtomicReaderContext context) => inner.SetNextReader(context);

    public bool AcceptsDocsOutOfOrder => false;

    private sealed class LimitReachedException : Exception;
}
