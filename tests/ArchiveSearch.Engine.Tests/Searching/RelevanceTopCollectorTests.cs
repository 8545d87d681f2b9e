using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Search;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

/// <summary>
/// The relevance search's own top-hits collector must page exactly as Lucene's <see cref="TopFieldCollector"/> over
/// (score, newest) does: the same documents, scores and sort values on every page, ties broken the same way.
/// </summary>
public sealed class RelevanceTopCollectorTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "as-top-" + Guid.NewGuid().ToString("N"));
    private readonly SearchIndex index;

    public RelevanceTopCollectorTests()
    {
        index = SearchIndex.Open(folder, ArticleAnalyzer.Create());
        var n = 0;
        foreach (var article in Articles())
        {
            index.AddNew(article);
            if (++n % 100 == 0) index.Commit();
        }
        index.Commit();
    }

    /// <summary>Many articles with equal texts (equal scores), some on the same day, some undated, committed in batches (several segments).</summary>
    private static IEnumerable<Engine.Archive.Article> Articles()
    {
        string[] titles = ["向量数据库的评测", "开源大模型的训练数据", "Rust release notes", "An open source search engine", "数据库 与 模型"];
        for (var n = 0; n < 400; n++)
        {
            var title = titles[n % titles.Length];
            var body = n % 3 == 0 ? title : title + " 模型 " + new string('数', n % 7) + " engine";
            var day = n % 11 == 0 ? null : $"2024-{1 + n % 12:00}-{1 + n % 5:00}";
            yield return Make($"a{n:D3}", title, ai: body, original: body, saved: day is null ? null : day + "T08:00:00Z");
        }
    }

    [Theory]
    [InlineData("数据库")]
    [InlineData("开源 模型 engine")]
    [InlineData("向量数据库的评测 与 Rust release notes")]
    [InlineData("\"open source\"")]
    public void Every_page_by_offset_and_by_cursor_is_lucenes(string q)
    {
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        var query = searcher.Rewrite(new QueryCompiler(index.Analyzer).Compile(q).Query);
        var sort = new Sort(SortField.FIELD_SCORE, TimeColumnComparer.SortField(IndexSchema.SortTime, reverse: true));

        Assert.True(searcher.IndexReader.Leaves.Count > 1, "one segment: document bases untested");
        var all = Lucene(searcher, query, sort, 1000, null);
        Assert.True(all.Length > 40, $"{all.Length} hits");
        Assert.True(all.Zip(all.Skip(1)).Count(p => p.First.Score == p.Second.Score) > 10, "too few ties to tell the orders apart");

        foreach (var (offset, size) in new[] { (0, 10), (0, 1), (10, 10), (37, 20), (0, 1000) })
        {
            var collector = new RelevanceTopCollector(offset + size, null);
            searcher.Search(query, collector);
            AssertSame(Lucene(searcher, query, sort, offset + size, null).Skip(offset).Take(size).ToArray(), collector.Page(offset, size));
        }

        FieldDoc? after = null;
        for (var page = 0; page < 8; page++)
        {
            var collector = new RelevanceTopCollector(7, after);
            searcher.Search(query, collector);
            var expected = Lucene(searcher, query, sort, 7, after);
            var actual = collector.Page(0, 7);
            AssertSame(expected, actual);
            if (actual.Length == 0) break;
            after = (FieldDoc)actual[^1];
        }
    }

    private static ScoreDoc[] Lucene(IndexSearcher searcher, Query query, Sort sort, int size, FieldDoc? after)
    {
        var top = TopFieldCollector.Create(sort, size, after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
        searcher.Search(query, top);
        return top.GetTopDocs().ScoreDocs;
    }

    private static void AssertSame(ScoreDoc[] expected, ScoreDoc[] actual)
    {
        static string Line(ScoreDoc d) => $"{d.Doc} {d.Score} {string.Join(",", ((FieldDoc)d).Fields.Select(f => $"{f.GetType().Name}:{f}"))}";
        Assert.Equal(expected.Select(Line), actual.Select(Line));
    }

    public void Dispose()
    {
        index.Dispose();
        try { System.IO.Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
