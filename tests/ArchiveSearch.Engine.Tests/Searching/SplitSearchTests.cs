using System.Text.Json;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Util;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

/// <summary>
/// A search split over the two halves of the index on two cores must answer exactly what one pass answers: the same
/// hits and scores on every page, the same totals, facet counts, cursors and missing words.
/// </summary>
public sealed class SplitSearchTests : IClassFixture<SplitSearchTests.Archive>
{
    /// <summary>Two segments of 2,600 and 1,400 articles (the middle falls inside the first), some deleted, dated, tagged.</summary>
    public sealed class Archive : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "as-split-" + Guid.NewGuid().ToString("N"));

        public Archive()
        {
            Index = SearchIndex.Open(folder, ArticleAnalyzer.Create());
            string[] chinese = ["国务院", "提出", "深化", "改革", "措施", "开源", "大模型", "训练", "数据", "评测", "社区", "人工智能", "医疗", "教育", "的", "中国人民"];
            string[] english = ["open", "source", "search", "engine", "archive", "fast", "ranking", "facets", "kernel", "block", "device", "logging", "release", "the", "for"];
            string[] tags = ["开源", "AI", "数据库", "Rust", "医疗"];
            var random = new Random(11);
            string Words(string[] pool, int count, string separator) =>
                string.Join(separator, Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Length)]));
            for (var n = 0; n < 4000; n++)
            {
                var title = n % 3 == 0 ? Words(english, 1 + n % 4, " ") : Words(chinese, 1 + n % 3, "");
                var ai = n % 5 == 0 ? "" : Words(chinese, n % 7, "，") + " " + Words(english, n % 4, " ");
                var original = n % 11 == 0 ? Words(english, 20, " ") : Words(chinese, n % 9, "");
                Index.Upsert(Make($"a{n}", title, ai: ai, original: original,
                    tags: [tags[n % tags.Length], tags[(n / 7) % tags.Length]],
                    source: n % 4 == 0 ? "ArXiv" : "微博", type: n % 6 == 0 ? "论文" : "微博",
                    saved: n % 17 == 0 ? null : $"{2019 + n % 6}-{1 + n % 12:00}-{1 + n % 28:00}T08:00:00Z"));
                if (n == 2599) Index.Commit();
            }
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
    private readonly ArticleSearcher whole;
    private readonly ArticleSearcher split;

    public SplitSearchTests(Archive archive)
    {
        this.archive = archive;
        whole = new ArticleSearcher(archive.Index) { Split = false };
        split = new ArticleSearcher(archive.Index) { Split = true };
    }

    public static TheoryData<string> Queries => new()
    {
        "国务院",
        "开源 大模型 训练 数据 的 评测 方法 与 社区",
        "国务院提出深化改革措施推动教育",
        "open source search engine for the archive with fast ranking",
        "\"open source\"",
        "kernel OR 医疗",
        "logging -release",
        "人工智能 release",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Every_page_total_facet_cursor_and_missing_word_is_the_one_pass_answer(string q)
    {
        var before = SplitSearch.Runs;
        SearchRequest[] requests =
        [
            new() { Query = q },
            new() { Query = q, Page = 3, Size = 7 },
            new() { Query = q, Hashtags = ["开源"] },
            new() { Query = q, Hashtags = ["AI", "Rust"], Sources = ["ArXiv"] },
            new() { Query = q, From = new DateOnly(2021, 1, 1), To = new DateOnly(2022, 6, 30), DateInterval = DateInterval.Day },
            new() { Query = q, Types = ["论文"], Size = 50 },
        ];
        foreach (var request in requests)
        {
            var expected = whole.Search(request);
            Assert.Equal(Json(expected), Json(split.Search(request)));
            // The next pages, through the cursor, as well.
            var (a, b) = (expected, expected);
            for (var page = 0; page < 3 && a.NextCursor is not null; page++)
            {
                a = whole.Search(new SearchRequest { Query = request.Query, Hashtags = request.Hashtags, Sources = request.Sources, Types = request.Types, From = request.From, To = request.To, Size = request.Size, Cursor = a.NextCursor });
                b = split.Search(new SearchRequest { Query = request.Query, Hashtags = request.Hashtags, Sources = request.Sources, Types = request.Types, From = request.From, To = request.To, Size = request.Size, Cursor = b.NextCursor });
                Assert.Equal(Json(a), Json(b));
            }
        }
        Assert.True(SplitSearch.Runs - before >= requests.Length, "the split searches did not split");
    }

    [Fact]
    public void The_queries_find_enough_to_tell_the_halves_apart()
    {
        var response = whole.Search(new SearchRequest { Query = "开源 大模型 训练 数据 的 评测 方法 与 社区" });
        Assert.True(response.Total > 1500, $"{response.Total} hits");
        Assert.True(response.Facets.Hashtags.Count >= 5);
    }

    /// <summary>A clock that advances one millisecond every time it is read: each collected document "takes" 1 ms.</summary>
    private sealed class SteppingClock : Counter
    {
        private long now;
        public override long AddAndGet(long delta) => Interlocked.Add(ref now, delta);
        public override long Value => Interlocked.Increment(ref now);
    }

    [Fact]
    public void A_split_search_over_its_budget_answers_with_what_both_halves_found_marked_partial()
    {
        var searcher = new ArticleSearcher(archive.Index) { Split = true, Clock = new SteppingClock() };
        var response = searcher.Search(new SearchRequest { Query = "开源 大模型 训练 数据", TimeBudget = TimeSpan.FromMilliseconds(200) });
        Assert.True(response.Partial);
        Assert.InRange(response.Total, 2, 410);
        Assert.Equal(10, response.Hits.Count);
    }

    private static string Json(SearchResponse response) => JsonSerializer.Serialize(response with { TookMs = 0 });
}
