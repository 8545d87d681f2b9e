using System.Net;
using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

/// <summary>Headers, request ids, CORS and rate limits: what a service exposed on a home server or an intranet needs.</summary>
public sealed class ProtectionTests
{
    [Fact]
    public async Task Every_response_forbids_sniffing_and_framing_and_html_gets_a_strict_policy()
    {
        using var app = new SearchApplication();
        var client = app.CreateClient();

        using var json = await client.GetAsync("/api/search?q=x");
        using var swagger = await client.GetAsync("/swagger/index.html");

        Assert.Equal("nosniff", json.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", json.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(json.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", swagger.Headers.GetValues("X-Content-Type-Options").Single());
        var policy = swagger.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Fact]
    public async Task A_well_formed_request_id_is_echoed_and_one_is_made_up_otherwise()
    {
        using var app = new SearchApplication();
        var client = app.CreateClient();
        using var mine = new HttpRequestMessage(HttpMethod.Get, "/health");
        mine.Headers.Add("X-Request-Id", "trace-42.a");
        using var injected = new HttpRequestMessage(HttpMethod.Get, "/health");
        injected.Headers.TryAddWithoutValidation("X-Request-Id", "evil value; with spaces");

        using var echoed = await client.SendAsync(mine);
        using var replaced = await client.SendAsync(injected);

        Assert.Equal("trace-42.a", echoed.Headers.GetValues("X-Request-Id").Single());
        var made = replaced.Headers.GetValues("X-Request-Id").Single();
        Assert.NotEqual("evil value; with spaces", made);
        Assert.False(string.IsNullOrWhiteSpace(made));
    }

    [Fact]
    public async Task Past_its_budget_a_client_gets_429_with_retry_after_and_a_problem()
    {
        using var app = new SearchApplication();
        app.Settings.Set("Protection:SearchRequestsPerMinute", "3");
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=x")).StatusCode);
        using var refused = await client.GetAsync("/api/search?q=x");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"rate_limited\"", await refused.Content.ReadAsStringAsync());
        // Health stays answerable: monitoring is not rate limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task After_repeated_wrong_keys_a_client_is_locked_out_even_with_the_right_key()
    {
        using var app = new SearchApplication();
        app.Settings.Set("Search:AdminApiKey", "right-key");
        app.Settings.Set("Protection:FailedAdminKeysPer15Minutes", "2");
        var client = app.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/reindex");
            wrong.Headers.Add("X-Api-Key", "guess-" + i);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(wrong)).StatusCode);
        }
        using var right = new HttpRequestMessage(HttpMethod.Get, "/api/reindex");
        right.Headers.Add("X-Api-Key", "right-key");
        using var locked = await client.SendAsync(right);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("\"code\":\"too_many_failed_keys\"", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_limits_come_from_configuration()
    {
        using var app = new SearchApplication();
        app.Settings.Set("Protection:MaxPageSize", "5");
        app.Settings.Set("Protection:MaxQueryWords", "2");
        var client = app.CreateClient();

        var size = await client.GetProblemAsync("/api/search?size=6", HttpStatusCode.BadRequest);
        // Words past the limit are not refused: the first ones are searched and the rest named.
        var words = await client.GetOkAsync<SearchResult>("/api/search?size=5&q=Kubernetes+Rust+quantum");

        Assert.Equal(new Problem(400, "Invalid parameter", "size must be between 1 and 5.", "invalid_parameter", "size"), size);
        Assert.Equal(["quantum"], words.UnsearchedWords);
        Assert.Empty((await client.GetOkAsync<SearchResult>("/api/search?size=5&q=Kubernetes+Rust")).UnsearchedWords);
    }

    [Fact]
    public async Task Cors_allows_only_configured_origins()
    {
        using var app = new SearchApplication();
        app.Settings.Set("Protection:CorsOrigins:0", "https://archive.example");
        var client = app.CreateClient();

        Assert.Equal("https://archive.example", (await Preflight(client, "https://archive.example")).Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False((await Preflight(client, "https://evil.example")).Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task<HttpResponseMessage> Preflight(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x");
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }
}
