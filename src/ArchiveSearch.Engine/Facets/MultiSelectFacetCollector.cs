using ArchiveSearch.Engine.Searching;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Facets;

/// <summary>
/// One pass over the query's matches that both collects the hits and counts every facet with
/// multi-select semantics (like Lucene's DrillSideways or Elasticsearch's post_filter): a document
/// that passes all filters is a hit and counts in every facet; one that fails exactly one facet's
/// filter still counts in that facet, so a user who ticked one hashtag sees the others' counts.
/// </summary>
internal sealed class MultiSelectFacetCollector : ICollector, IWindowCollector
{
    private readonly ICollector hits;
    /// <summary>The hits when they are a relevance page, which takes a window's matches with their scores.</summary>
    private readonly RelevanceTopCollector? relevance;
    private readonly KeywordFacetCounter[] keywordFacets;
    private readonly KeywordFacetCounter hashtags;
    private readonly KeywordFacetCounter sources;
    private readonly KeywordFacetCounter types;
    private readonly DateFacetCounter dates;
    private readonly bool filtering;
    private readonly SearchBudget? budget;
    private int collected;

    public MultiSelectFacetCollector(ICollector hits, KeywordFacetCounter hashtags, KeywordFacetCounter sources, KeywordFacetCounter types,
        DateFacetCounter dates, SearchBudget? budget = null)
    {
        this.hits = hits;
        relevance = hits as RelevanceTopCollector;
        keywordFacets = [hashtags, sources, types];
        (this.hashtags, this.sources, this.types) = (hashtags, sources, types);
        this.dates = dates;
        filtering = keywordFacets.Any(f => f.IsFiltering) || dates.IsFiltering;
        this.budget = budget;
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

    public bool TakesWindows => relevance is not null;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var facet in keywordFacets) facet.SetSegment(context);
        dates.SetSegment(context.AtomicReader);
        hits.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (budget is not null && collected++ % SearchBudget.CheckEvery == 0) budget.Check();
        if (Counts(doc)) hits.Collect(doc);
    }

    public void CollectWindow(ReadOnlySpan<int> docs, WordSumScorer scores)
    {
        for (var from = 0; from < docs.Length; from += SearchBudget.CheckEvery)
        {
            budget?.Check();
            var chunk = docs.Slice(from, Math.Min(SearchBudget.CheckEvery, docs.Length - from));
            if (filtering)
            {
                foreach (var doc in chunk)
                {
                    if (Counts(doc)) relevance!.Collect(doc, scores.ScoreOf(doc));
                }
                continue;
            }
            // No filter: every match is a hit and counts in every facet.
            TotalHits += chunk.Length;
            foreach (var doc in chunk)
            {
                relevance!.Collect(doc, scores.ScoreOf(doc));
                hashtags.Count(doc);
                sources.Count(doc);
                types.Count(doc);
                dates.Count(doc);
            }
        }
    }

    /// <summary>Counts the document in the facets it counts in; true when it passes every filter (a hit).</summary>
    private bool Counts(int doc)
    {
        // Index 0-2: keyword facets, 3: dates.
        var failedCount = 0;
        var failed = -1;
        for (var i = 0; i < keywordFacets.Length; i++)
        {
            if (keywordFacets[i].Load(doc)) continue;
            failed = i;
            if (++failedCount > 1) return false;
        }
        if (!dates.Load(doc))
        {
            failed = 3;
            if (++failedCount > 1) return false;
        }

        if (failedCount == 0)
        {
            TotalHits++;
            foreach (var facet in keywordFacets) facet.CountLoaded();
            dates.CountLoaded();
            return true;
        }
        if (failed == 3) dates.CountLoaded();
        else keywordFacets[failed].CountLoaded();
        return false;
    }
}
