using ArchiveSearch.Api.Tests.Support;
using static ArchiveSearch.Api.Tests.Support.SampleArticles;

namespace ArchiveSearch.Api.Tests;

/// <summary>hashtag, source, type and from/to narrow the hits; without a query they list newest first.</summary>
public sealed class FilterTests(SearchApplication app) : IClassFixture<SearchApplication>
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task A_hashtag_filter_keeps_the_articles_with_that_hashtag()
    {
        var result = await client.SearchAsync("hashtag=科技前沿");

        Assert.Equal(2, result.Total);
        Assert.Equal([YearInReview, QuantumChip], result.Ids);
    }

    [Fact]
    public async Task Repeated_hashtag_filters_keep_articles_with_any_of_them()
    {
        var result = await client.SearchAsync("hashtag=人工智能&hashtag=量子计算");

        Assert.Equal(3, result.Total);
        Assert.Equal([CityDriving, OpenModelWeek, QuantumChip], result.Ids);
    }

    [Fact]
    public async Task A_hashtag_filter_ignores_case_and_full_width_forms()
    {
        Assert.Equal([OpenSourceWeek], (await client.SearchAsync("hashtag=opensource")).Ids);
        Assert.Equal([OpenSourceWeek], (await client.SearchAsync("hashtag=%EF%BC%AFpen%EF%BC%B3ource")).Ids); // ＯpenＳource
    }

    [Fact]
    public async Task A_hashtag_filter_may_be_written_with_its_weibo_marks()
    {
        var result = await client.SearchAsync("hashtag=%23科技前沿%23");

        Assert.Equal([YearInReview, QuantumChip], result.Ids);
    }

    [Fact]
    public async Task A_source_filter_keeps_that_source_only()
    {
        var result = await client.SearchAsync("source=ArXiv");

        Assert.Equal([RankingNotes, ReasoningSurvey, SparseModels], result.Ids);
    }

    [Fact]
    public async Task A_type_filter_combines_with_a_query()
    {
        var result = await client.SearchAsync("q=rust&type=论文");

        Assert.Equal([SparseModels], result.Ids);
    }

    [Fact]
    public async Task Filters_on_different_facets_must_all_hold()
    {
        var result = await client.SearchAsync("source=微博&hashtag=人工智能&from=2025-04-01");

        Assert.Equal([CityDriving], result.Ids);
    }

    [Fact]
    public async Task From_and_to_include_both_days()
    {
        var result = await client.SearchAsync("from=2025-03-01&to=2025-04-18");

        Assert.Equal(3, result.Total);
        Assert.Equal([CityDriving, OpenModelWeek, ReasoningSurvey], result.Ids);
    }

    [Fact]
    public async Task From_and_to_on_the_same_day_keep_that_day()
    {
        var result = await client.SearchAsync("from=2024-06-30&to=2024-06-30");

        Assert.Equal([OldHousing], result.Ids);
    }

    [Fact]
    public async Task A_filter_value_no_article_has_matches_nothing()
    {
        var result = await client.SearchAsync("source=Reddit");

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
    }
}
