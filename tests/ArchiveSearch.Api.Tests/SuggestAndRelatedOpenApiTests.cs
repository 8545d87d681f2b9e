using System.Text.Json;
using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

/// <summary>The suggestion and related-articles operations explain themselves in the OpenAPI document, with the README's examples.</summary>
public sealed class SuggestAndRelatedOpenApiTests(SearchApplication app) : IClassFixture<SearchApplication>
{
    private readonly HttpClient client = app.CreateClient();

    private async Task<JsonElement> Operation(string path) =>
        (await client.GetJsonElementAsync("/openapi/v1.json")).GetProperty("paths").GetProperty(path).GetProperty("get");

    [Theory]
    [InlineData("/api/suggest", "Suggest", "query:q query:size", "200 400 429 503")]
    [InlineData("/api/articles/{id}/related", "GetRelatedArticles", "path:id query:size", "200 400 404 429 503")]
    public async Task Each_operation_has_a_summary_a_description_described_parameters_and_its_problems(string path, string id, string parameters, string statuses)
    {
        var operation = await Operation(path);
        var documented = operation.GetProperty("parameters").EnumerateArray().ToList();

        Assert.Equal(id, operation.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()));
        Assert.Equal(parameters, string.Join(' ', documented.Select(p => $"{p.GetProperty("in").GetString()}:{p.GetProperty("name").GetString()}")));
        Assert.All(documented, p => Assert.False(string.IsNullOrWhiteSpace(p.TryGetProperty("description", out var d) ? d.GetString() : null),
            $"{p.GetProperty("name").GetString()} has no description"));
        Assert.Equal(statuses, string.Join(' ', operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task The_examples_are_the_ones_the_readme_and_the_http_file_send()
    {
        string Example(JsonElement operation, string name) => operation.GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == name).GetProperty("example").ToString();
        var suggest = await Operation("/api/suggest");
        var related = await Operation("/api/articles/{id}/related");
        var suggestUrl = $"/api/suggest?q={Uri.EscapeDataString(Example(suggest, "q"))}";
        var relatedUrl = $"/api/articles/{Example(related, "id")}/related?size={Example(related, "size")}";
        var readme = await File.ReadAllTextAsync(Repository.File("README.md"));
        var httpFile = await File.ReadAllTextAsync(Repository.File("src/ArchiveSearch.Api/ArchiveSearch.Api.http"));

        Assert.Equal(("/api/suggest?q=%23Cla", "/api/articles/7f85a4a031c7de7c/related?size=3"), (suggestUrl, relatedUrl));
        Assert.Contains($"curl 'http://localhost:5080{suggestUrl}'", readme);
        Assert.Contains($"curl 'http://localhost:5080{relatedUrl}'", readme);
        Assert.Contains($"GET {{{{host}}}}{suggestUrl}\n", httpFile);
        Assert.Contains($"GET {{{{host}}}}{relatedUrl}\n", httpFile);
    }
}
