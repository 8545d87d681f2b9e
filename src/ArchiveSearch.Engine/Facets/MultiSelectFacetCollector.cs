using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Facets;

/// <summary>
/// One pass over the query's matches that both collects the hits and counts every facet with
/// multi-select semantics (like Lucene's DrillSideways or Elasticsearch's post_filter): a document
/// that passes all filters is a hit and counts in every facet; one that fails exactly one facet's
/// filter still counts in that facet, so a user who ticked one hashtag sees the others' counts.
/// </summary>
internal sealed class MultiSelectFacetCollector : ICollector
{
    private readonly ICollector hits;
    private readonly KeywordFacetCounter[] keywordFacets;
    private readonly DateFacetCounter dates;

    public MultiSelectFacetCollector(ICollector hits, KeywordFacetCounter hashtags, KeywordFacetCounter sources, KeywordFacetCounter types, DateFacetCounter dates)
    {
        this.hits = hits;
        keywordFacets = [hashtags, sources, types];
        this.dates = dates;
    }

    /// <summary>Documents that passed every filter.</summary>
    public int TotalHits { get; private set; }

    /// <summary>
    /// Adds the hit count and facet counts of a collector that ran over other documents of the same reader (the other
    /// part of a split search); the hits' collectors are the caller's to combine.
    /// </summary>
    public void Add(MultiSelectFacetCollector other)
    {
        TotalHits += other.TotalHits;
        for (var i = 0; i < keywordFacets.Length; i++) keywordFacets[i].Add(other.keywordFacets[i]);
        dates.Add(other.dates);
    }

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var facet in keywordFacets) facet.SetSegment(context);
        dates.SetSegment(context.AtomicReader);
        hits.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        // Index 0-2: keyword facets, 3: dates.
        var failedCount = 0;
        var failed = -1;
        for (var i = 0; i < keywordFacets.Length; i++)
        {
            if (keywordFacets[i].Load(doc)) continue;
            failed = i;
            if (++failedCount > 1) return;
        }
        if (!dates.Load(doc))
        {
            failed = 3;
            if (++failedCount > 1) return;
        }

        if (failedCount == 0)
        {
            TotalHits++;
            hits.Collect(doc);
            foreach (var facet in keywordFacets) facet.CountLoaded();
            dates.CountLoaded();
        }
        else if (failed == 3)
        {
            dates.CountLoaded();
        }
        else
        {
            keywordFacets[failed].CountLoaded();
        }
    }
}
