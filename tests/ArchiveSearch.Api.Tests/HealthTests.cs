using System.Text.Json;
using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_ready_with_the_number_of_good_articles()
    {
        using var app = new SearchApplication();
        var health = await app.CreateClient().GetJsonElementAsync("/health");

        Assert.Equal("ready", health.GetProperty("status").GetString());
        Assert.Equal(SampleArticles.GoodArticleCount, health.GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task A_service_whose_archive_folder_does_not_exist_starts_ready_and_empty()
    {
        using var app = SearchApplication.WithoutArchive();
        var client = app.CreateClient();

        var health = await client.GetJsonElementAsync("/health");
        Assert.Equal("ready", health.GetProperty("status").GetString());
        Assert.Equal(0, health.GetProperty("articles").GetInt32());
        Assert.Equal(JsonValueKind.String, health.GetProperty("lastBuiltAt").ValueKind);

        var result = await client.SearchAsync("q=量子计算");
        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
        Assert.Empty(result.Facets.Sources);
        Assert.Empty(result.Facets.Dates);
        Assert.Equal(0, (await client.SearchAsync("")).Total);
    }
}
