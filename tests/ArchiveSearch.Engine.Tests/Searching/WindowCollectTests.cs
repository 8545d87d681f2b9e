using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Tests.Searching;

/// <summary>
/// A relevance search hands its matches to the facet and page collectors a window at a time, with the scores read from
/// the window's arrays: it must find, score, count and rank exactly what a match at a time does, over two segments
/// with deleted documents, with and without filters.
/// </summary>
public sealed class WindowCollectTests(LongQueryArchive archive) : IClassFixture<LongQueryArchive>
{
    /// <summary>Queries of several words, which compile to a word sum (a single word is Lucene's own disjunction).</summary>
    public static TheoryData<string> Queries => new()
    {
        "开源 大模型 训练 数据 的 评测 方法 与 社区",
        "国务院提出深化改革措施推动教育",
        "open source search engine for the archive with fast ranking",
        "logging kernel",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_scorer_hands_out_every_match_and_score_a_window_at_a_time_as_one_at_a_time(string q)
    {
        using var lease = archive.Index.AcquireSearcher();
        var searcher = lease.Searcher;
        var query = searcher.Rewrite(new QueryCompiler(archive.Index.Analyzer).Compile(q).Query);
        Assert.IsType<WordSumQuery>(query);

        var windows = new WindowRecorder();
        searcher.Search(query, windows);
        var oneByOne = new MatchRecorder();
        searcher.Search(query, oneByOne);

        Assert.True(windows.Windows > 1, $"{windows.Windows} windows");
        Assert.True(oneByOne.Matches.Count > 500, $"{oneByOne.Matches.Count} matches");
        Assert.Equal(oneByOne.Matches, windows.Matches);
    }

    public static TheoryData<string, string> QueriesAndFilters()
    {
        var data = new TheoryData<string, string>();
        foreach (var q in new[] { "开源 大模型 训练 数据 的 评测 方法 与 社区", "open source search engine for the archive with fast ranking", "国务院提出深化改革措施推动教育" })
        {
            foreach (var filter in new[] { "none", "dates", "hashtag", "source and type", "all" }) data.Add(q, filter);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(QueriesAndFilters))]
    public void Facets_totals_and_the_page_are_those_of_one_match_at_a_time(string q, string filter)
    {
        using var lease = archive.Index.AcquireSearcher();
        var searcher = lease.Searcher;
        var query = searcher.Rewrite(new QueryCompiler(archive.Index.Analyzer).Compile(q).Query);
        Assert.IsType<WordSumQuery>(query);

        var (windowed, windowedTop, windowedFacets) = Collector(searcher.IndexReader, filter);
        Assert.True(windowed.TakesWindows);
        searcher.Search(query, windowed);
        var (single, singleTop, singleFacets) = Collector(searcher.IndexReader, filter);
        searcher.Search(query, new OneAtATime(single));

        Assert.True(single.TotalHits > 5, $"{single.TotalHits} hits");
        Assert.Equal(single.TotalHits, windowed.TotalHits);
        Assert.Equal(Page(singleTop), Page(windowedTop));
        Assert.Equal(singleFacets(), windowedFacets());
    }

    private static (MultiSelectFacetCollector Collector, RelevanceTopCollector Top, Func<string> Facets) Collector(IndexReader reader, string filter)
    {
        var all = filter == "all";
        var none = new Dictionary<string, string>();
        var hashtags = new KeywordFacetCounter(reader, IndexSchema.HashtagFacet, filter is "hashtag" || all ? new() { ["医疗"] = "医疗" } : none);
        var sources = new KeywordFacetCounter(reader, IndexSchema.SourceFacet, filter is "source and type" || all ? new() { ["arxiv"] = "ArXiv" } : none);
        var types = new KeywordFacetCounter(reader, IndexSchema.TypeFacet, filter is "source and type" || all ? new() { ["微博"] = "微博" } : none);
        var dates = filter is "dates" || all ? new DateFacetCounter(reader, new DateOnly(2020, 3, 1), new DateOnly(2022, 10, 31)) : new DateFacetCounter(reader, null, null);
        var top = new RelevanceTopCollector(30, null);
        var collector = new MultiSelectFacetCollector(top, hashtags, sources, types, dates);
        return (collector, top, () => string.Join(" | ",
            string.Join(",", hashtags.Top(50).Select(b => $"{b.Value}:{b.Count}")),
            string.Join(",", sources.Top(50).Select(b => $"{b.Value}:{b.Count}")),
            string.Join(",", types.Top(50).Select(b => $"{b.Value}:{b.Count}")),
            string.Join(",", dates.Histogram(DateInterval.Day).Select(b => $"{b.Value}:{b.Count}"))));
    }

    private static IEnumerable<(int, float)> Page(RelevanceTopCollector top) => top.Page(0, 30).Select(d => (d.Doc, d.Score));

    /// <summary>Records each window's matches and their scores, by reader-wide document number.</summary>
    private sealed class WindowRecorder : ICollector, IWindowCollector
    {
        private int docBase;
        public readonly List<(int, float)> Matches = [];
        public int Windows;

        public bool TakesWindows => true;

        public void CollectWindow(ReadOnlySpan<int> docs, WordSumScorer scores)
        {
            Windows++;
            foreach (var doc in docs) Matches.Add((docBase + doc, scores.ScoreOf(doc)));
        }

        public bool AcceptsDocsOutOfOrder => false;
        public void SetScorer(Scorer scorer) { }
        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;
        public void Collect(int doc) => throw new InvalidOperationException("a collector that takes windows was handed a single match");
    }

    /// <summary>Records every match and its score as Lucene hands them over, one at a time.</summary>
    private sealed class MatchRecorder : ICollector
    {
        private Scorer scorer = null!;
        private int docBase;
        public readonly List<(int, float)> Matches = [];

        public bool AcceptsDocsOutOfOrder => false;
        public void SetScorer(Scorer scorer) => this.scorer = scorer;
        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;
        public void Collect(int doc) => Matches.Add((docBase + doc, scorer.GetScore()));
    }

    /// <summary>Hides that the collector inside takes windows, so that it gets one match at a time.</summary>
    private sealed class OneAtATime(ICollector inner) : ICollector
    {
        public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;
        public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);
        public void SetNextReader(AtomicReaderContext context) => inner.SetNextReader(context);
        public void Collect(int doc) => inner.Collect(doc);
    }
}
