using System.Net;
using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

public sealed class OpenApiTests(SearchApplication app) : IClassFixture<SearchApplication>
{
    private static readonly string[] SearchParameters =
        ["q", "hashtag", "source", "type", "from", "to", "sort", "page", "size", "facetSize", "dateInterval", "cursor"];

    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task The_document_lists_every_endpoint()
    {
        var document = await client.GetJsonElementAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["/api/articles/{id}", "/api/reindex", "/api/reindex/{id}", "/api/search", "/health", "/health/live", "/health/ready", "/metrics"], paths);
    }

    [Fact]
    public async Task The_search_operation_documents_each_query_parameter()
    {
        var document = await client.GetJsonElementAsync("/openapi/v1.json");
        var parameters = document.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();

        Assert.Equal(SearchParameters, parameters.Select(p => p.GetProperty("name").GetString()));
        Assert.All(parameters, p => Assert.Equal("query", p.GetProperty("in").GetString()));
        Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(
            p.TryGetProperty("description", out var description) ? description.GetString() : null),
            $"{p.GetProperty("name").GetString()} has no description"));
    }

    [Fact]
    public async Task The_swagger_ui_is_served()
    {
        using var response = await client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }
}
