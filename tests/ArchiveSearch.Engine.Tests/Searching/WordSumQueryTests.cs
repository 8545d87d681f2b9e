using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Searching;
using Lucene.Net.Index;
using Lucene.Net.Search;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

/// <summary>A query's words summed flat must find and score exactly what the boolean query of the same words does.</summary>
public sealed class WordSumQueryTests : IClassFixture<LongQueryArchive>
{
    private readonly LongQueryArchive archive;

    public WordSumQueryTests(LongQueryArchive archive) => this.archive = archive;

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
