using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

/// <summary>Facet counts: exact, most frequent first, and multi-select (a facet ignores its own filter).</summary>
public sealed class FacetEndpointTests(SearchApplication app) : IClassFixture<SearchApplication>
{
    private static readonly Bucket[] AllHashtags =
        [new("人工智能", 2), new("科技前沿", 2), new("OpenSource", 1), new("新能源汽车", 1), new("量子计算", 1)];

    private static readonly Bucket[] AllSources =
        [new("Hacker News", 4), new("微博", 4), new("ArXiv", 3), new("澎湃新闻", 1)];

    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task Without_filters_the_facets_count_every_good_article()
    {
        var facets = (await client.SearchAsync("")).Facets;

        Assert.Equal(AllHashtags, facets.Hashtags);
        Assert.Equal(AllSources, facets.Sources);
        Assert.Equal([new("Blog", 4), new("微博", 4), new("论文", 3), new("新闻", 1)], facets.Types);
    }

    [Fact]
    public async Task The_month_histogram_runs_without_gaps_from_the_first_to_the_last_article()
    {
        var dates = (await client.SearchAsync("")).Facets.Dates;

        Assert.Equal(
        [
            new("2024-06", new(2024, 6, 1), new(2024, 6, 30), 1),
            new("2024-07", new(2024, 7, 1), new(2024, 7, 31), 0),
            new("2024-08", new(2024, 8, 1), new(2024, 8, 31), 0),
            new("2024-09", new(2024, 9, 1), new(2024, 9, 30), 0),
            new("2024-10", new(2024, 10, 1), new(2024, 10, 31), 0),
            new("2024-11", new(2024, 11, 1), new(2024, 11, 30), 1),
            new("2024-12", new(2024, 12, 1), new(2024, 12, 31), 1),
            new("2025-01", new(2025, 1, 1), new(2025, 1, 31), 2),
            new("2025-02", new(2025, 2, 1), new(2025, 2, 28), 2),
            new("2025-03", new(2025, 3, 1), new(2025, 3, 31), 2),
            new("2025-04", new(2025, 4, 1), new(2025, 4, 30), 1),
            new("2025-05", new(2025, 5, 1), new(2025, 5, 31), 2),
        ], dates);
    }

    [Fact]
    public async Task Year_buckets_are_labelled_by_year()
    {
        var dates = (await client.SearchAsync("dateInterval=year")).Facets.Dates;

        Assert.Equal([new("2024", new(2024, 1, 1), new(2024, 12, 31), 3), new("2025", new(2025, 1, 1), new(2025, 12, 31), 9)], dates);
    }

    [Fact]
    public async Task Day_buckets_are_labelled_by_day_and_fill_the_days_between()
    {
        var dates = (await client.SearchAsync("type=论文&dateInterval=day")).Facets.Dates;

        Assert.Equal(103, dates.Length); // 2025-02-10 … 2025-05-23
        Assert.Equal(new DateBucket("2025-02-10", new(2025, 2, 10), new(2025, 2, 10), 1), dates[0]);
        Assert.Equal(new DateBucket("2025-02-11", new(2025, 2, 11), new(2025, 2, 11), 0), dates[1]);
        Assert.Equal(new DateBucket("2025-05-23", new(2025, 5, 23), new(2025, 5, 23), 1), dates[^1]);
        Assert.Equal(
            [new("2025-02-10", 1), new("2025-03-01", 1), new("2025-05-23", 1)],
            dates.Where(d => d.Count > 0).Select(d => new Bucket(d.Value, d.Count)));
    }

    [Fact]
    public async Task The_facets_count_only_the_articles_matching_the_query()
    {
        var facets = (await client.SearchAsync("q=量子计算")).Facets;

        Assert.Equal([new("科技前沿", 2), new("量子计算", 1)], facets.Hashtags);
        Assert.Equal([new("微博", 2)], facets.Sources);
        Assert.Equal([new("微博", 2)], facets.Types);
        Assert.Equal(["2024-11", "2024-12"], facets.Dates.Select(d => d.Value));
    }

    [Fact]
    public async Task A_hashtag_filter_leaves_the_hashtag_facet_whole_and_narrows_the_others()
    {
        var result = await client.SearchAsync("hashtag=人工智能");

        Assert.Equal(2, result.Total);
        Assert.Equal(AllHashtags, result.Facets.Hashtags);
        Assert.Equal([new("微博", 2)], result.Facets.Sources);
        Assert.Equal([new("微博", 2)], result.Facets.Types);
        Assert.Equal([new("2025-03", new(2025, 3, 1), new(2025, 3, 31), 1), new("2025-04", new(2025, 4, 1), new(2025, 4, 30), 1)], result.Facets.Dates);
    }

    [Fact]
    public async Task A_source_filter_leaves_the_source_facet_whole_and_narrows_the_others()
    {
        var result = await client.SearchAsync("source=ArXiv");

        Assert.Equal(3, result.Total);
        Assert.Equal(AllSources, result.Facets.Sources);
        Assert.Equal([new("论文", 3)], result.Facets.Types);
        Assert.Empty(result.Facets.Hashtags);
    }

    [Fact]
    public async Task A_date_filter_leaves_the_date_histogram_whole_and_narrows_the_others()
    {
        var result = await client.SearchAsync("from=2025-05-01&dateInterval=year");

        Assert.Equal(2, result.Total);
        Assert.Equal([new("2024", new(2024, 1, 1), new(2024, 12, 31), 3), new("2025", new(2025, 1, 1), new(2025, 12, 31), 9)], result.Facets.Dates);
        Assert.Equal([new("ArXiv", 1), new("Hacker News", 1)], result.Facets.Sources);
        Assert.Equal([new("OpenSource", 1)], result.Facets.Hashtags);
    }

    [Fact]
    public async Task Facet_size_keeps_the_most_frequent_values_but_always_lists_a_selected_one()
    {
        var top = (await client.SearchAsync("facetSize=2")).Facets;
        Assert.Equal([new("人工智能", 2), new("科技前沿", 2)], top.Hashtags);
        Assert.Equal([new("Hacker News", 4), new("微博", 4)], top.Sources);

        var selected = (await client.SearchAsync("facetSize=2&hashtag=量子计算")).Facets;
        Assert.Equal([new("人工智能", 2), new("科技前沿", 2), new("量子计算", 1)], selected.Hashtags);
    }

    [Fact]
    public async Task A_selected_value_no_article_has_is_listed_with_count_zero()
    {
        var facets = (await client.SearchAsync("source=Reddit")).Facets;

        Assert.Equal([.. AllSources, new("Reddit", 0)], facets.Sources);
    }
}
