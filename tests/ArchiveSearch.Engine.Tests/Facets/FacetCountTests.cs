using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Facets;

public class FacetCountTests
{
    // Six articles: hashtags AI×4, Rust×2, 开源×2; sources 微博×3, ArXiv×2, RSS×1; types 微博×3, 论文×2, 新闻×1.
    private static Article[] Fixture() =>
    [
        Make("a1", "模型发布", tags: ["AI", "开源"], source: "微博", type: "微博", saved: "2024-12-30T10:00:00Z"),
        Make("a2", "模型评测", tags: ["ai"], source: "微博", type: "微博", saved: "2025-01-02T10:00:00Z"),
        Make("a3", "模型论文", tags: ["AI"], source: "ArXiv", type: "论文", saved: "2025-01-15T10:00:00Z"),
        Make("a4", "Rust 模型", tags: ["AI", "Rust"], source: "ArXiv", type: "论文", saved: "2025-03-01T10:00:00Z"),
        Make("a5", "Rust 笔记", tags: ["rust", "开源"], source: "微博", type: "微博", saved: "2025-03-20T10:00:00Z"),
        Make("a6", "随笔", source: "RSS", type: "新闻", dirDate: "2025-03-21"),
    ];

    private static Dictionary<string, int> Counts(IReadOnlyList<FacetBucket> buckets) => buckets.ToDictionary(b => b.Value, b => b.Count);

    [Fact]
    public void Counts_every_facet_over_all_articles_most_frequent_first()
    {
        using var index = new TempIndex(Fixture());

        var facets = index.Search().Facets;

        Assert.Equal([new("AI", 4), new("Rust", 2), new("开源", 2)], facets.Hashtags);
        Assert.Equal([new("微博", 3), new("ArXiv", 2), new("RSS", 1)], facets.Sources);
        Assert.Equal([new("微博", 3), new("论文", 2), new("新闻", 1)], facets.Types);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("模型 训练 数据 评测")]   // a long query: its matches reach the facets a window at a time
    public void An_article_without_a_source_or_type_counts_in_no_bucket_of_those_facets(string? query)
    {
        using var index = new TempIndex(
            Make("n1", "模型 训练 数据 评测", source: "RSS", type: "博客"),
            Make("n2", "模型 训练 数据 评测", source: null, type: null),
            Make("n3", "模型 训练 数据 评测", source: "微博", type: "微博"),
            Make("n4", "模型 训练 数据 评测", source: null, type: "博客"));

        var result = index.Search(query);

        Assert.Equal(4, result.Total);
        Assert.Equal([new("RSS", 1), new("微博", 1)], result.Facets.Sources);
        Assert.Equal([new("博客", 2), new("微博", 1)], result.Facets.Types);
    }

    [Fact]
    public void Counts_over_several_segments_add_up_per_value_and_per_spelling()
    {
        using var index = new TempIndex();
        // Three commits, three segments; "ai" is the most common spelling only across them, and 开源 is in the last one only.
        Article[][] batches =
        [
            [Make("s1", "模型", tags: ["AI"], source: "微博"), Make("s2", "模型", tags: ["ai"], source: "ArXiv")],
            [Make("s3", "模型", tags: ["ai", "Rust"], source: "微博"), Make("s4", "随笔", tags: ["AI"], source: "RSS")],
            [Make("s5", "模型", tags: ["ai", "开源"], source: "微博"), Make("s6", "模型", tags: ["rust"], source: "ArXiv")],
        ];
        foreach (var batch in batches)
        {
            foreach (var article in batch) index.Index.Upsert(article);
            index.Index.Commit();
        }

        var all = index.Search().Facets;
        var matching = index.Search("模型").Facets;

        Assert.Equal([new("ai", 5), new("Rust", 2), new("开源", 1)], all.Hashtags);
        Assert.Equal([new("微博", 3), new("ArXiv", 2), new("RSS", 1)], all.Sources);
        Assert.Equal([new("ai", 4), new("Rust", 2), new("开源", 1)], matching.Hashtags);
        Assert.Equal([new("ArXiv", 2), new("微博", 3)], matching.Sources.OrderBy(b => b.Value, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void A_day_histogram_over_several_segments_spans_the_first_to_the_last_date_of_all_of_them()
    {
        using var index = new TempIndex();
        // The first segment holds the middle day; the earliest and the latest come in later commits.
        Article[][] batches =
        [
            [Make("d1", "模型", saved: "2025-01-03T08:00:00Z"), Make("d2", "模型", saved: "2025-01-03T09:00:00Z")],
            [Make("d3", "模型", saved: "2025-01-01T08:00:00Z"), Make("d4", "随笔")],
            [Make("d5", "模型", saved: "2025-01-05T08:00:00Z")],
        ];
        foreach (var batch in batches)
        {
            foreach (var article in batch) index.Index.Upsert(article);
            index.Index.Commit();
        }

        var days = index.Searcher.Search(new SearchRequest { Query = "模型", DateInterval = DateInterval.Day }).Facets.Dates;

        Assert.Equal(["2025-01-01:1", "2025-01-02:0", "2025-01-03:2", "2025-01-04:0", "2025-01-05:1"], days.Select(d => $"{d.Value}:{d.Count}"));
    }

    [Fact]
    public void Spellings_that_differ_only_in_case_are_one_value_shown_in_the_most_common_spelling()
    {
        using var index = new TempIndex(Fixture());

        var hashtags = index.Search().Facets.Hashtags;

        Assert.Equal(4, hashtags.Single(b => b.Value == "AI").Count);
        Assert.DoesNotContain(hashtags, b => b.Value == "ai");
    }

    [Fact]
    public void Counts_honour_the_query()
    {
        using var index = new TempIndex(Fixture());

        var facets = index.Search("模型").Facets;

        Assert.Equal(new Dictionary<string, int> { ["AI"] = 4, ["开源"] = 1, ["Rust"] = 1 }, Counts(facets.Hashtags));
        Assert.Equal(new Dictionary<string, int> { ["微博"] = 2, ["ArXiv"] = 2 }, Counts(facets.Sources));
    }

    [Fact]
    public void A_facet_ignores_its_own_filter_but_honours_the_others()
    {
        using var index = new TempIndex(Fixture());

        var response = index.Searcher.Search(new SearchRequest { Hashtags = ["rust"], Sources = ["微博"] });

        Assert.Equal(["a5"], response.Hits.Select(h => h.Id));
        Assert.Equal(1, response.Total);
        // Hashtags: all 微博 articles (a1, a2, a5), whatever their hashtag; a5 spells it "rust".
        Assert.Equal(new Dictionary<string, int> { ["AI"] = 2, ["开源"] = 2, ["rust"] = 1 }, Counts(response.Facets.Hashtags));
        // Sources: every article tagged Rust (a4, a5), whatever its source.
        Assert.Equal(new Dictionary<string, int> { ["ArXiv"] = 1, ["微博"] = 1 }, Counts(response.Facets.Sources));
        // Types: articles passing both filters.
        Assert.Equal(new Dictionary<string, int> { ["微博"] = 1 }, Counts(response.Facets.Types));
    }

    [Fact]
    public void Several_values_of_one_filter_match_any_of_them()
    {
        using var index = new TempIndex(Fixture());

        var response = index.Searcher.Search(new SearchRequest { Hashtags = ["Rust", "开源"], Sort = SearchSort.Oldest });

        Assert.Equal(["a1", "a4", "a5"], response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Filters_are_case_and_width_insensitive()
    {
        using var index = new TempIndex(Fixture());

        Assert.Equal(2, index.Searcher.Search(new SearchRequest { Sources = ["arxiv"] }).Total);
        Assert.Equal(2, index.Searcher.Search(new SearchRequest { Hashtags = ["ＲＵＳＴ"] }).Total);
    }

    [Fact]
    public void A_selected_value_with_no_matches_is_still_listed_with_zero()
    {
        using var index = new TempIndex(Fixture());

        var response = index.Searcher.Search(new SearchRequest { Query = "随笔", Hashtags = ["Rust"] });

        Assert.Equal(0, response.Total);
        Assert.Contains(new FacetBucket("Rust", 0), response.Facets.Hashtags);
    }

    [Fact]
    public void Facet_size_limits_the_buckets_but_keeps_selected_ones()
    {
        using var index = new TempIndex(Fixture());

        var response = index.Searcher.Search(new SearchRequest { FacetSize = 1, Hashtags = ["开源"] });

        Assert.Equal([new("AI", 4), new("开源", 2)], response.Facets.Hashtags);
    }

    [Fact]
    public void Facet_size_cuts_a_tie_by_value()
    {
        using var index = new TempIndex(Fixture());

        var response = index.Searcher.Search(new SearchRequest { FacetSize = 2 });

        Assert.Equal([new("AI", 4), new("Rust", 2)], response.Facets.Hashtags);
        Assert.Equal([new("微博", 3), new("ArXiv", 2)], response.Facets.Sources);
    }

    [Fact]
    public void Date_filter_is_inclusive_on_both_ends()
    {
        using var index = new TempIndex(Fixture());

        var response = index.Searcher.Search(new SearchRequest
        {
            From = new DateOnly(2025, 1, 2),
            To = new DateOnly(2025, 3, 20),
            Sort = SearchSort.Oldest,
        });

        Assert.Equal(["a2", "a3", "a4", "a5"], response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Month_histogram_is_chronological_with_empty_months_and_ignores_the_date_filter()
    {
        using var index = new TempIndex(Fixture());

        var response = index.Searcher.Search(new SearchRequest { From = new DateOnly(2025, 3, 1) });

        Assert.Equal(3, response.Total);
        Assert.Equal(
        [
            new("2024-12", new DateOnly(2024, 12, 1), new DateOnly(2024, 12, 31), 1),
            new("2025-01", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31), 2),
            new("2025-02", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28), 0),
            new("2025-03", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), 3),
        ], response.Facets.Dates);
    }

    [Fact]
    public void Year_histogram_counts_per_calendar_year()
    {
        using var index = new TempIndex(Fixture());

        var dates = index.Searcher.Search(new SearchRequest { DateInterval = DateInterval.Year }).Facets.Dates;

        Assert.Equal(
        [
            new("2024", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 1),
            new("2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 5),
        ], dates);
    }

    [Fact]
    public void Dates_centuries_apart_are_all_counted()
    {
        // More than 65,536 days apart: the outermost day is counted apart from the others.
        using var index = new TempIndex(
            Make("old", "旧文", saved: "1900-03-01T00:00:00Z"),
            Make("now", "今文", saved: "2025-01-02T00:00:00Z"),
            Make("now2", "今文二", saved: "2025-01-03T00:00:00Z"),
            Make("future", "未来", saved: "2125-06-01T00:00:00Z"));

        var dates = index.Searcher.Search(new SearchRequest { DateInterval = DateInterval.Year }).Facets.Dates;

        Assert.Equal(226, dates.Count);
        Assert.Equal(new DateBucket("1900", new DateOnly(1900, 1, 1), new DateOnly(1900, 12, 31), 1), dates[0]);
        Assert.Equal(2, dates.Single(b => b.Value == "2025").Count);
        Assert.Equal(new DateBucket("2125", new DateOnly(2125, 1, 1), new DateOnly(2125, 12, 31), 1), dates[^1]);
        Assert.Equal(4, dates.Sum(b => b.Count));
    }

    [Fact]
    public void Day_histogram_fills_every_day_between_the_first_and_last()
    {
        using var index = new TempIndex(Fixture());

        var dates = index.Searcher.Search(new SearchRequest { DateInterval = DateInterval.Day, Sources = ["微博"] }).Facets.Dates;

        Assert.Equal(new DateOnly(2024, 12, 30), dates[0].From);
        // a6 (2025-03-21) is from RSS: the source filter applies to the date histogram.
        Assert.Equal(new DateOnly(2025, 3, 20), dates[^1].To);
        Assert.Equal(81, dates.Count);
        Assert.Equal(3, dates.Sum(d => d.Count));
        Assert.Equal(new DateBucket("2025-01-02", new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 2), 1), dates[3]);
    }

    [Fact]
    public void An_articles_date_is_the_utc_date_of_its_saved_time()
    {
        using var index = new TempIndex(Make("tz", "时区", saved: "2025-01-10T06:30:00+08:00", dirDate: "2025-01-10"));

        var hit = index.Search().Hits.Single();

        Assert.Equal(new DateOnly(2025, 1, 9), hit.Date);
        Assert.Equal("2025-01-09", index.Searcher.Search(new SearchRequest { DateInterval = DateInterval.Day }).Facets.Dates.Single().Value);
    }

    [Fact]
    public void Browse_counts_are_the_same_from_the_cache_and_follow_a_commit()
    {
        using var index = new TempIndex(Fixture());
        var first = index.Searcher.Search(new SearchRequest());
        var second = index.Searcher.Search(new SearchRequest { Page = 2, Size = 2 });

        index.Index.Upsert(Make("a7", "新文章", tags: ["AI"], source: "RSS", type: "新闻", saved: "2025-04-01T00:00:00Z"));
        index.Index.Commit();
        var after = index.Searcher.Search(new SearchRequest());

        Assert.Equal(first.Facets.Hashtags, second.Facets.Hashtags);
        Assert.Equal(6, second.Total);
        Assert.Equal(["a4", "a3"], second.Hits.Select(h => h.Id));
        Assert.Equal(7, after.Total);
        Assert.Equal(new FacetBucket("AI", 5), after.Facets.Hashtags[0]);
        Assert.Equal("a7", after.Hits[0].Id);
    }
}
