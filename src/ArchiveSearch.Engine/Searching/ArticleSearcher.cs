using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Diagnostics;
using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Facets;
using ArchiveSearch.Engine.Highlighting;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Searching;

/// <summary>Runs searches and article look-ups, each on its own searcher snapshot of the index.</summary>
public sealed class ArticleSearcher(ISearcherSource index, RelevanceFeatures? features = null)
{
    private readonly QueryCompiler compiler = new(index.Analyzer, features);

    public SearchResponse Search(SearchRequest request)
    {
        // Each start moves the recent concurrency an eighth of the way toward the searches running now.
        var running = Interlocked.Increment(ref searchesRunning);
        recentConcurrency += (running - recentConcurrency) / 8;
        try
        {
            return SearchAlone(request);
        }
        finally
        {
            Interlocked.Decrement(ref searchesRunning);
        }
    }

    /// <summary>Searches running in this process now, over every index: a search splits only when it runs alone.</summary>
    private static int searchesRunning;

    /// <summary>How many searches were running at recent starts, averaged: a benign race, it only steers <see cref="ShouldSplit"/>.</summary>
    private static double recentConcurrency;

    /// <summary>
    /// Whether a search may split (<see cref="SplitSearch"/>): null splits one that runs alone on a machine of several
    /// cores and reads at least <see cref="SplitAbovePostings"/> postings; tests force it on or off.
    /// </summary>
    internal bool? Split { get; init; }

    /// <summary>Where a split search offers its second half to another thread (tests hold it back).</summary>
    internal TaskScheduler? SecondHalfScheduler { get; init; }

    /// <summary>About 5 ms of scoring: below it, waking a second thread costs about what it saves (docs/performance.md).</summary>
    internal long SplitAbovePostings { get; init; } = 250_000;

    /// <remarks>
    /// Alone means no other search now, none at most recent starts, and no queued work: under load every core is
    /// already busy (a search alone for a moment between others included), and a split would only add its second set of
    /// scorers and counts.
    /// </remarks>
    private bool ShouldSplit(IndexReader reader, SharedTermStates termStates) => Split ?? (
        Environment.ProcessorCount > 1 && Volatile.Read(ref searchesRunning) == 1 && recentConcurrency < 1.5 && ThreadPool.PendingWorkItemCount == 0
        && reader.MaxDoc >= 2 * WordSumScorer.WindowSize && termStates.PostingsCount >= SplitAbovePostings);

    private SearchResponse SearchAlone(SearchRequest request)
    {
        var clock = Stopwatch.StartNew();
        SearchRequestValidator.Validate(request);
        var compiled = compiler.Compile(request.Query, request.Limits, request.PrefixLast);
        var sort = request.Sort ?? (compiled.IsBrowse ? SearchSort.Newest : SearchSort.Relevance);

        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        var termStates = new SharedTermStates(searcher.TopReaderContext);
        // Rewritten once here (prefixes and misspellings expanded), so the highlighting below reads the same expansions.
        var query = searcher.Rewrite(termStates.Bind(compiled.Query));
        var (hashtags, sources, types, dates) = FacetCounters(searcher.IndexReader, request);

        var fingerprint = SearchCursor.Fingerprint(request, sort);
        var after = request.Cursor is { } cursor ? SearchCursor.Decode(cursor, fingerprint) : null;
        var offset = after is null ? (request.Page - 1) * request.Size : 0;
        var (top, topPage) = TopCollector(sort, compiled.IsBrowse, offset + request.Size, after);
        var budget = SearchBudget.Of(Clock, request.TimeBudget);
        var collector = new MultiSelectFacetCollector(top, hashtags, sources, types, dates, budget);
        // The unfiltered browse (the page everyone opens first) counts the same facets until the index changes:
        // count them once per reader, then only collect the top hits.
        var browseKey = compiled.IsBrowse && IsUnfiltered(request) ? (request.FacetSize, request.DateInterval) : ((int, DateInterval)?)null;
        var cachedBrowse = browseKey is { } key && BrowseCache.GetOrCreateValue(searcher.IndexReader).TryGetValue(key, out var hit) ? hit : ((int, SearchFacets)?)null;
        // With its facets counted, a page of the browse is a slice of the reader's articles in the browse's order.
        var browsed = cachedBrowse is not null && sort is SearchSort.Newest or SearchSort.Oldest
            ? BrowseOrder.Page(searcher.IndexReader, sort == SearchSort.Newest ? IndexSchema.SortTime : IndexSchema.SortTimeOldestFirst, offset, request.Size, after)
            : null;
        var partial = false;
        try
        {
            // A searcher is light (the reader's segments, a similarity): one per English query, for its own BM25.
            var scoring = compiled.IsLatin ? new IndexSearcher(searcher.IndexReader) { Similarity = SearchIndex.LatinQuerySimilarity } : searcher;
            // Only a relevance search has a RelevanceTopCollector, and it is never a browse (cached or sliced).
            if (top is RelevanceTopCollector relevance && ShouldSplit(searcher.IndexReader, termStates))
            {
                SearchInHalves(scoring, query, request, budget, collector, relevance, offset + request.Size, after);
            }
            else if (browsed is null)
            {
                scoring.Search(query, cachedBrowse is null ? collector : WithinBudget(top, budget));
            }
        }
        catch (SearchBudgetExceededException)
        {
            // A pathological query stops at its budget and answers with what it found so far.
            partial = true;
        }

        var pageDocs = browsed ?? topPage(offset, request.Size);
        var pageDocIds = pageDocs.Select(d => d.Doc).ToArray();
        var articles = pageDocIds.Select(doc => ArticleDocumentMapper.FromDocument(searcher.Doc(doc, ArticleDocumentMapper.HitFields))).ToList();
        var highlights = Highlights(searcher, compiled, query, pageDocIds, articles);
        var hits = new List<SearchHit>(pageDocs.Length);
        for (var i = 0; i < pageDocs.Length; i++)
        {
            var score = compiled.IsBrowse || float.IsNaN(pageDocs[i].Score) ? (float?)null : pageDocs[i].Score;
            hits.Add(ToHit(articles[i], score, highlights[i]));
        }

        var (total, facets) = cachedBrowse ?? (collector.TotalHits, new SearchFacets(
            hashtags.Top(request.FacetSize),
            sources.Top(request.FacetSize),
            types.Top(request.FacetSize),
            dates.Histogram(request.DateInterval)));
        if (browseKey is { } newKey && cachedBrowse is null && !partial) BrowseCache.GetOrCreateValue(searcher.IndexReader)[newKey] = (total, facets);
        // A full page may have more after it: the cursor continues from its last hit, however deep.
        var nextCursor = pageDocs.Length == request.Size && !partial ? SearchCursor.Encode((FieldDoc)pageDocs[^1], fingerprint) : null;
        // With no hits no word is "missing" (nothing answers for the rest); a partial search cannot tell.
        var missing = partial || total == 0 ? [] : MissingWords.Find(searcher, termStates, [.. compiled.Words.Select(w => w with { Matches = termStates.Bind(w.Matches) })], pageDocIds, filtered: !IsUnfiltered(request), first =>
        {
            var (tags, sourceFilter, typeFilter, dateFilter) = FacetCounters(searcher.IndexReader, request);
            return new MultiSelectFacetCollector(first, tags, sourceFilter, typeFilter, dateFilter);
        });
        return new SearchResponse(total, request.Page, request.Size, clock.Elapsed.TotalMilliseconds, hits, facets)
        {
            Partial = partial,
            NextCursor = nextCursor,
            MissingWords = missing,
            UnsearchedWords = compiled.UnsearchedWords,
        };
    }

    /// <summary>
    /// The search split over two cores (<see cref="SplitSearch"/>): the second half into collectors of its own, added to
    /// <paramref name="collector"/> and <paramref name="top"/> afterwards, also when the budget stopped either half.
    /// </summary>
    private void SearchInHalves(IndexSearcher scoring, Query query, SearchRequest request, SearchBudget? budget, MultiSelectFacetCollector collector,
        RelevanceTopCollector top, int size, FieldDoc? after)
    {
        var (hashtags, sources, types, dates) = FacetCounters(scoring.IndexReader, request);
        var otherTop = new RelevanceTopCollector(size, after);
        var other = new MultiSelectFacetCollector(otherTop, hashtags, sources, types, dates, budget);
        try
        {
            SplitSearch.Run(scoring, query, collector, other, SecondHalfScheduler);
        }
        finally
        {
            collector.Add(other);
            top.Add(otherTop);
        }
    }

    /// <summary>The request's facets, each holding its own filter.</summary>
    private static (KeywordFacetCounter Hashtags, KeywordFacetCounter Sources, KeywordFacetCounter Types, DateFacetCounter Dates) FacetCounters(IndexReader reader, SearchRequest request) =>
    (
        new KeywordFacetCounter(reader, IndexSchema.HashtagFacet, Keys(request.Hashtags.Select(t => t.Trim().Trim('#')).ToList())),
        new KeywordFacetCounter(reader, IndexSchema.SourceFacet, Keys(request.Sources)),
        new KeywordFacetCounter(reader, IndexSchema.TypeFacet, Keys(request.Types)),
        new DateFacetCounter(reader, request.From, request.To)
    );

    // Keyed by reader: a commit opens a new reader, so the counts can never be stale; old readers' entries go with them.
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<(int, DateInterval), (int, SearchFacets)>> BrowseCache = new();

    private static bool IsUnfiltered(SearchRequest r) =>
        r.Hashtags.All(string.IsNullOrWhiteSpace) && r.Sources.All(string.IsNullOrWhiteSpace) && r.Types.All(string.IsNullOrWhiteSpace)
        && r.From is null && r.To is null;

    /// <summary>The clock budgets are measured on, in milliseconds.</summary>
    internal Counter Clock { get; init; } = SearchClock.Shared;

    private static ICollector WithinBudget(ICollector collector, SearchBudget? budget) =>
        budget is null ? collector : new BudgetedCollector(collector, budget);

    /// <summary>The whole stored article, or null when no article has that id.</summary>
    public StoredArticle? Get(string id)
    {
        using var lease = index.AcquireSearcher();
        var top = lease.Searcher.Search(new TermQuery(new Term(IndexSchema.Id, id)), 1);
        return top.TotalHits == 0 ? null : ArticleDocumentMapper.FromDocument(lease.Searcher.Doc(top.ScoreDocs[0].Doc));
    }

    /// <summary>Filter values by key, each with the first spelling the user gave; empty values (an unset form field) are ignored.</summary>
    private static Dictionary<string, string> Keys(IReadOnlyList<string> values)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var key = Hashtag.KeyOf(value);
            if (key.Length > 0) keys.TryAdd(key, value.Trim());
        }
        return keys;
    }

    /// <summary>The collector of the page's hits, and how to read them (from an offset, so many) once it has run.</summary>
    private static (ICollector Collector, Func<int, int, ScoreDoc[]> Page) TopCollector(SearchSort sort, bool isBrowse, int size, FieldDoc? after)
    {
        if (sort == SearchSort.Relevance && !isBrowse)
        {
            var relevance = new RelevanceTopCollector(size, after);
            return (relevance, relevance.Page);
        }
        // Documents in order: out of order, Lucene scores a query of SHOULD clauses with a table of 2,048 buckets per segment,
        // allocated for every search (450 KB of garbage); in order measured faster too (one Chinese word p50 1.7 → 1.2 ms).
        var top = TopFieldCollector.Create(SortFor(sort), size, after, fillFields: true, trackDocScores: !isBrowse,
            trackMaxScore: false, docsScoredInOrder: true);
        return (top, (start, howMany) => top.GetTopDocs(start, howMany).ScoreDocs);
    }

    private static Sort SortFor(SearchSort sort)
    {
        // Both keys sort descending with undated articles at long.MinValue, so those come last either way.
        var newest = TimeColumnComparer.SortField(IndexSchema.SortTime, reverse: true);
        var oldest = TimeColumnComparer.SortField(IndexSchema.SortTimeOldestFirst, reverse: true);
        return sort switch
        {
            SearchSort.Relevance => new Sort(SortField.FIELD_SCORE, newest),
            SearchSort.Newest => new Sort(newest, SortField.FIELD_DOC),
            _ => new Sort(oldest, SortField.FIELD_DOC),
        };
    }

    private HitHighlights[] Highlights(IndexSearcher searcher, CompiledQuery compiled, Query rewritten, int[] docIds, List<StoredArticle> articles)
    {
        if (docIds.Length == 0) return [];
        var matcher = new PostingsMatches(HighlightTerms(compiled, rewritten));
        var reader = searcher.IndexReader;
        // Marks come from both readings of each text, so a bigram or exact-form match is marked where it matched.
        var titles = matcher.FindAll(reader, docIds, IndexSchema.Title, i => articles[i].Title);
        var aiSummaries = matcher.FindAll(reader, docIds, IndexSchema.AiSummary, i => articles[i].AiSummary);
        var originals = matcher.FindAll(reader, docIds, IndexSchema.OriginalText, i => articles[i].OriginalText);
        var highlights = new HitHighlights[docIds.Length];
        for (var i = 0; i < docIds.Length; i++)
        {
            var article = articles[i];
            var title = SnippetBuilder.MarkAll(article.Title, titles[i]);
            var aiBest = SnippetBuilder.BestWindow(aiSummaries[i]).Matches;
            var originalBest = SnippetBuilder.BestWindow(originals[i]).Matches;
            // Prefer the AI summary: it is written to be read; the original text wins only with more matches.
            var useOriginal = originalBest > aiBest || (article.AiSummary.Length == 0 && article.OriginalText.Length > 0);
            highlights[i] = useOriginal
                ? new HitHighlights(title, SnippetBuilder.Snippet(article.OriginalText, originals[i]), "originalText")
                : new HitHighlights(title, SnippetBuilder.Snippet(article.AiSummary, aiSummaries[i]), "aiSummary");
        }
        return highlights;
    }

    /// <summary>
    /// The query's terms, with each prefix expanded to the words it matched in this index and each misspelling to the
    /// spellings it found, read as the text fields index them (as the search did).
    /// </summary>
    private IEnumerable<string> HighlightTerms(CompiledQuery query, Query rewritten)
    {
        if (query.HighlightPrefixes.Count == 0 && query.Misspellings.Count == 0) return query.HighlightTerms;
        var expanded = new HashSet<Term>();
        rewritten.ExtractTerms(expanded);
        var words = expanded
            .Select(t => t.Text)
            .Where(text => query.HighlightPrefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal)));
        // A misspelling's forms are exact forms: their text-field reading is what the snippets are found in. The twin
        // terms the query itself holds (the typed forms, a run's bigrams) are marked already, and are not read again.
        var spellings = query.Misspellings.Count == 0 ? [] : expanded
            .Where(t => IndexSchema.IsTwinField(t.Field) && !query.HighlightTerms.Contains(t.Text))
            .SelectMany(t => Analysis.ArticleAnalyzer.Tokens(index.Analyzer, IndexSchema.Title, t.Text));
        return query.HighlightTerms.Concat(words).Concat(spellings);
    }

    private static SearchHit ToHit(StoredArticle a, float? score, HitHighlights highlights) =>
        new(a.Id, score, a.Title, a.Url, a.Source, a.Type, a.SavedAt, a.Date, a.Hashtags, highlights);
}
