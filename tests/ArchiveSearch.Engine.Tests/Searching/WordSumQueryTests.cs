using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Searching;
using Lucene.Net.Index;
using Lucene.Net.Search;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

/// <summary>A query's words summed flat must find and score exactly what the boolean query of the same words does.</summary>
public sealed class WordSumQueryTests : IClassFixture<WordSumQueryTests.Archive>
{
    /// <summary>Two segments of 2,600 and 1,400 articles: windows of 2,048 documents, whole and partial, in each.</summary>
    public sealed class Archive : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "as-wordsum-" + Guid.NewGuid().ToString("N"));

        public Archive()
        {
            Index = SearchIndex.Open(folder, ArticleAnalyzer.Create());
            string[] chinese = ["国务院", "提出", "深化", "改革", "措施", "开源", "大模型", "训练", "数据", "评测", "社区", "人工智能", "医疗", "教育", "的", "中国人民"];
            string[] english = ["open", "source", "search", "engine", "archive", "fast", "ranking", "facets", "kernel", "block", "device", "logging", "release", "the", "for"];
            var random = new Random(7);
            string Words(string[] pool, int count, string separator) =>
                string.Join(separator, Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Length)]));
            for (var n = 0; n < 4000; n++)
            {
                // Sparse words: most articles have a few of them, in one field or several.
                var title = n % 3 == 0 ? Words(english, 1 + n % 4, " ") : Words(chinese, 1 + n % 3, "");
                var ai = n % 5 == 0 ? "" : Words(chinese, n % 7, "，") + " " + Words(english, n % 4, " ");
                var original = n % 11 == 0 ? Words(english, 20, " ") : Words(chinese, n % 9, "");
                Index.Upsert(Make($"a{n}", title, ai: ai, original: original, tags: n % 13 == 0 ? ["开源"] : []));
                if (n == 2599) Index.Commit();
            }
            // A few articles replaced: their old versions stay in the first segment as deleted documents, to be skipped.
            for (var n = 0; n < 40; n++) Index.Upsert(Make($"a{n * 50}", Words(english, 3, " "), ai: Words(chinese, 4, "，")));
            Index.Commit();
        }

        public SearchIndex Index { get; }

        public void Dispose()
        {
            Index.Dispose();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private readonly Archive archive;

    public WordSumQueryTests(Archive archive) => this.archive = archive;

    public static TheoryData<string> Queries =>
    [
        "an open source search engine for the archive with fast ranking and facets",
        "国务院 提出 深化 改革 措施 推动 经济 发展 和 科技 创新",
        "开源 大模型 训练 数据 的 评测 方法 与 社区",
        "kernel block device logging release open",
        "\"open source\" search engine archive ranking",
        "开源 search 人工智能 engine 医疗 kernel",
        "训练* 数据 评测 社区 教育",
        "中国人民在全国各地积极参加社会建设工作",
        "开源 search",
        "人工智能医疗",
        "the kernel of the archive",
        "数据的模型",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public void Every_match_and_score_equals_the_boolean_query_of_the_same_words(string text)
    {
        using var lease = archive.Index.AcquireSearcher();
        var searcher = lease.Searcher;
        Assert.Equal(2, searcher.IndexReader.Leaves.Count);
        var (flat, nested) = BothForms(text);

        var expected = AllHits(searcher, nested);
        Assert.True(expected.Length > 100, $"only {expected.Length} hits");
        Assert.Equal(expected, AllHits(searcher, flat));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void With_the_latin_similarity_and_terms_looked_up_by_the_query_itself_every_score_is_the_same(string text)
    {
        using var lease = archive.Index.AcquireSearcher();
        var latin = new IndexSearcher(lease.Searcher.IndexReader) { Similarity = SearchIndex.LatinQuerySimilarity };
        var (flat, nested) = BothForms(text);

        var expected = AllHits(latin, nested, bind: false);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, AllHits(latin, flat, bind: false));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Beside_a_required_word_its_matches_are_skipped_to_and_scored_the_same(string text)
    {
        using var lease = archive.Index.AcquireSearcher();
        var searcher = lease.Searcher;
        var (flat, nested) = BothForms(text);
        // A conjunction advances each side to the other's documents: the flat scorer's Advance, across windows.
        Query With(Query words) => new BooleanQuery(disableCoord: true)
        {
            { words, Occur.MUST },
            { new TermQuery(new Term(IndexSchema.AiSummary, "教育")), Occur.MUST },
        };

        var expected = AllHits(searcher, With(nested));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, AllHits(searcher, With(flat)));
    }

    [Fact]
    public void An_explanation_gives_the_score_the_search_gave()
    {
        using var lease = archive.Index.AcquireSearcher();
        var searcher = lease.Searcher;
        var (flat, _) = BothForms("an open source search engine for the archive with fast ranking and facets");
        foreach (var hit in searcher.Search(flat, 5).ScoreDocs)
        {
            var explanation = searcher.Explain(flat, hit.Doc);
            Assert.True(explanation.IsMatch);
            Assert.Equal(hit.Score, explanation.Value, 4);
        }
    }

    [Theory]
    [InlineData("中国人民在全国各地积极参加社会建设工作")]
    [InlineData("人工智能医疗 开源")]
    public void A_chinese_runs_bigram_overlap_ranks_inside_the_same_flat_sum_and_explains_its_score(string text)
    {
        using var lease = archive.Index.AcquireSearcher();
        var searcher = lease.Searcher;
        var (flat, _) = BothForms(text);
        // The run's reading and its overlap in one pass, not a boolean scorer over two sums.
        Assert.Contains("; ranked by ", flat.ToString());
        var bound = searcher.Rewrite(new SharedTermStates(searcher.TopReaderContext).Bind(flat));
        foreach (var hit in searcher.Search(bound, 20).ScoreDocs)
        {
            var explanation = searcher.Explain(bound, hit.Doc);
            Assert.True(explanation.IsMatch);
            Assert.Equal(hit.Score, explanation.Value, 3);
        }
    }

    [Theory]
    [InlineData(IndexSchema.OriginalText, "数据", false)]
    [InlineData(IndexSchema.TitleBigrams, "开源", false)]
    [InlineData(IndexSchema.AiSummary, "open", true)]
    public void A_term_scorers_postings_are_read_out_of_it_and_score_every_document_as_it_does(string field, string text, bool latin)
    {
        using var lease = archive.Index.AcquireSearcher();
        var searcher = latin ? new IndexSearcher(lease.Searcher.IndexReader) { Similarity = SearchIndex.LatinQuerySimilarity } : lease.Searcher;
        var weight = searcher.CreateNormalizedWeight(new TermQuery(new Term(field, text)) { Boost = 1.7f });
        var scored = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            // Two scorers over the same postings: one read through Lucene's calls, one through the extracted factors.
            var lucene = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs)!;
            var postings = TermPostings.Of(weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs)!, leaf.AtomicReader.MaxDoc);
            Assert.NotNull(postings);
            for (var doc = lucene.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = lucene.NextDoc())
            {
                Assert.Equal(doc, postings.Docs.NextDoc());
                Assert.Equal(lucene.GetScore(), postings.Score(doc));
                scored++;
            }
            Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, postings.Docs.NextDoc());
        }
        Assert.True(scored > 100, $"only {scored} postings");
    }

    /// <summary>The compiler's query for a long text, and the same query with every flat sum a boolean query again.</summary>
    private (Query Flat, Query Nested) BothForms(string text)
    {
        var compiled = new QueryCompiler(archive.Index.Analyzer).Compile(text).Query;
        Assert.Contains("words(", compiled.ToString());
        return (compiled, Unflattened(compiled));
    }

    private static Query Unflattened(Query query) => QueryTree.Map(query, part =>
    {
        if (part is not WordSumQuery sum) return null;
        var any = AnyOf(sum.Words);
        if (sum.Optional.Count > 0)
        {
            var ranking = AnyOf(sum.Optional);
            ranking.Boost = sum.OptionalBoost;
            any = new BooleanQuery(disableCoord: true) { { any, Occur.MUST }, { ranking, Occur.SHOULD } };
        }
        any.Boost = sum.Boost;
        return any;
    });

    private static BooleanQuery AnyOf(IEnumerable<Query> words)
    {
        var any = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = 1 };
        foreach (var word in words) any.Add(Unflattened(word), Occur.SHOULD);
        return any;
    }

    private static (int Doc, float Score)[] AllHits(IndexSearcher searcher, Query query, bool bind = true)
    {
        var rewritten = searcher.Rewrite(bind ? new SharedTermStates(searcher.TopReaderContext).Bind(query) : query);
        // In document order, as the service scores (out of order, Lucene would score the boolean query another way).
        var top = TopScoreDocCollector.Create(searcher.IndexReader.MaxDoc, docsScoredInOrder: true);
        searcher.Search(rewritten, top);
        return [.. top.GetTopDocs().ScoreDocs.Select(d => (d.Doc, d.Score)).OrderBy(h => h.Doc)];
    }
}
