using System.Net;
using System.Text.Json;
using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

public sealed class OpenApiTests(SearchApplication app) : IClassFixture<SearchApplication>
{
    private static readonly string[] SearchParameters =
        ["q", "prefix", "hashtag", "source", "type", "from", "to", "sort", "page", "size", "facetSize", "dateInterval", "cursor"];

    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task The_document_lists_every_endpoint()
    {
        var document = await client.GetJsonElementAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["/api/articles/{id}", "/api/articles/{id}/related", "/api/reindex", "/api/reindex/{id}", "/api/search", "/api/suggest", "/health", "/health/live", "/health/ready", "/metrics"], paths);
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

    [Fact]
    public async Task The_parameter_examples_are_the_ones_the_readme_and_the_http_file_show()
    {
        var document = await client.GetJsonElementAsync("/openapi/v1.json");
        string Example(string path, string method, string parameter) =>
            string.Join("&", document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("parameters").EnumerateArray()
                .Where(p => p.GetProperty("name").GetString() == parameter && p.TryGetProperty("example", out _))
                .SelectMany(p => p.GetProperty("example") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToArray() : [p.GetProperty("example")])
                .Select(value => $"{parameter}={value.ToString().Replace(' ', '+')}"));
        var search = "/api/search?" + string.Join("&", new[] { "q", "hashtag", "size", "facetSize", "dateInterval" }.Select(p => Example("/api/search", "get", p)));
        var article = "/api/articles/" + Example("/api/articles/{id}", "get", "id")["id=".Length..];
        var reindex = "/api/reindex?" + Example("/api/reindex", "post", "mode");
        var readme = await File.ReadAllTextAsync(Repository.File("README.md"));
        var httpFile = await File.ReadAllTextAsync(Repository.File("src/ArchiveSearch.Api/ArchiveSearch.Api.http"));

        Assert.Equal("/api/search?q=大模型+开源&hashtag=DeepSeek&size=1&facetSize=3&dateInterval=year", search);
        Assert.Contains($"curl 'http://localhost:5080{search}'", readme);
        Assert.Contains($"curl http://localhost:5080{article}", readme);
        Assert.Contains($"'http://localhost:5080{reindex}'", readme);
        Assert.Contains($"GET {{{{host}}}}{search}\n", httpFile);
        Assert.Contains($"GET {{{{host}}}}{article}\n", httpFile);
        Assert.Contains($"POST {{{{host}}}}{reindex}\n", httpFile);
    }
}
