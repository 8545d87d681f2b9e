using ArchiveSearch.Api.Tests.Support;
using static ArchiveSearch.Api.Tests.Support.SampleArticles;

namespace ArchiveSearch.Api.Tests;

public sealed class SortingAndPagingTests(SearchApplication app) : IClassFixture<SearchApplication>
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task Sort_newest_lists_the_latest_saved_first()
    {
        var result = await client.SearchAsync("sort=newest&size=3");

        Assert.Equal([RankingNotes, OpenSourceWeek, CityDriving], result.Ids);
    }

    [Fact]
    public async Task Sort_oldest_lists_the_earliest_saved_first()
    {
        var result = await client.SearchAsync("sort=oldest&size=3");

        Assert.Equal([OldHousing, QuantumChip, YearInReview], result.Ids);
    }

    [Fact]
    public async Task Sort_oldest_applies_to_a_query_too()
    {
        var result = await client.SearchAsync("q=rust&sort=oldest");

        Assert.Equal([RustRelease, SparseModels], result.Ids);
        var newest = await client.SearchAsync("q=rust&sort=newest");
        Assert.Equal([SparseModels, RustRelease], newest.Ids);
    }

    [Fact]
    public async Task Page_two_continues_where_page_one_stopped()
    {
        var result = await client.SearchAsync("page=2&size=5");

        Assert.Equal(GoodArticleCount, result.Total);
        Assert.Equal(2, result.Page);
        Assert.Equal(5, result.Size);
        Assert.Equal(NewestFirst[5..10], result.Ids);
    }

    [Fact]
    public async Task The_last_page_holds_the_remainder_and_a_page_past_the_end_is_empty()
    {
        Assert.Equal([QuantumChip, OldHousing], (await client.SearchAsync("page=3&size=5")).Ids);

        var past = await client.SearchAsync("page=4&size=5");
        Assert.Equal(GoodArticleCount, past.Total);
        Assert.Empty(past.Hits);
    }
}
