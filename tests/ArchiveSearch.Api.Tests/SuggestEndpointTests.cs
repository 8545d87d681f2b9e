using System.Net;
using System.Text.Json;
using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

/// <summary><c>GET /api/suggest</c> over <see cref="SampleArticles"/>: exact suggestions and counts, and each bad input's problem.</summary>
public sealed class SuggestEndpointTests(SearchApplication app) : IClassFixture<SearchApplication>
{
    private readonly HttpClient client = app.CreateClient();

    private async Task<Suggestion[]> Suggest(string query) => (await client.GetOkAsync<SuggestResult>("/api/suggest?" + query)).Suggestions;

    [Fact]
    public async Task A_typed_hashtag_suggests_the_hashtags_it_begins_with_their_article_counts()
    {
        Assert.Equal([new Suggestion("hashtag", "科技前沿", 2, "")], await Suggest("q=%23%E7%A7%91")); // #科
    }

    [Fact]
    public async Task A_lone_hash_lists_the_most_used_hashtags_most_articles_first()
    {
        Assert.Equal(
            [("人工智能", 2), ("科技前沿", 2), ("OpenSource", 1), ("新能源汽车", 1), ("量子计算", 1)],
            (await Suggest("q=%23")).Select(s => (s.Text, s.Count)));
    }

    [Fact]
    public async Task Words_complete_the_last_word_and_titles_contain_the_text_in_camel_case_json()
    {
        using var response = await client.GetAsync("/api/suggest?q=vector+data");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["suggestions", "tookMs"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            """[{"kind":"word","text":"databases","count":1,"query":"vector databases"},{"kind":"title","text":"Vector databases in practice","count":1,"query":"Vector databases in practice"}]""",
            body.RootElement.GetProperty("suggestions").GetRawText());
    }

    [Fact]
    public async Task Size_bounds_the_suggestions()
    {
        Assert.Equal(2, (await Suggest("q=%23&size=2")).Length);
    }

    [Theory]
    [InlineData("", "q", "q is required: the text typed so far.")]
    [InlineData("q=+", "q", "q is required: the text typed so far.")]
    [InlineData("q=x&size=0", "size", "size must be between 1 and 20.")]
    [InlineData("q=x&size=21", "size", "size must be between 1 and 20.")]
    [InlineData("q=x&size=abc", "size", "size must be a whole number, not 'abc'.")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string query, string parameter, string detail)
    {
        var problem = await client.GetProblemAsync("/api/suggest?" + query, HttpStatusCode.BadRequest);

        Assert.Equal(new Problem(400, "Invalid parameter", detail, "invalid_parameter", parameter), problem);
    }

    [Fact]
    public async Task A_query_longer_than_typing_is_a_400_problem()
    {
        var problem = await client.GetProblemAsync("/api/suggest?q=" + new string('a', 101), HttpStatusCode.BadRequest);

        Assert.Equal(("q", "q is 101 characters long; at most 100 are allowed for suggestions."), (problem.Parameter, problem.Detail));
    }

    [Fact]
    public async Task Suggestions_share_the_searches_rate_limit()
    {
        using var limited = new SearchApplication();
        limited.Settings.Set("Protection:SearchRequestsPerMinute", "2");
        var limitedClient = limited.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await limitedClient.GetAsync("/api/search?q=x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await limitedClient.GetAsync("/api/suggest?q=x")).StatusCode);
        var problem = await limitedClient.GetProblemAsync("/api/suggest?q=x", HttpStatusCode.TooManyRequests);

        Assert.Equal("rate_limited", problem.Code);
    }

    private sealed record SuggestResult(Suggestion[] Suggestions, double TookMs);

    private sealed record Suggestion(string Kind, string Text, int Count, string Query);
}
