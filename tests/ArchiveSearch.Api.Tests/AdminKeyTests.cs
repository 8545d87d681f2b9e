using System.Net;
using ArchiveSearch.Api.Tests.Support;
using static ArchiveSearch.Api.Tests.Support.SampleArticles;

namespace ArchiveSearch.Api.Tests;

/// <summary>
/// Who may use the reindex endpoints: with <c>Search:AdminApiKey</c> set, whoever sends it in X-Api-Key;
/// without one, only loopback clients. Search stays open to everyone. Each test has its own app.
/// </summary>
public sealed class AdminKeyTests
{
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    public static TheoryData<string, string> AdminCalls => new()
    {
        { "POST", "/api/reindex" },
        { "POST", "/api/reindex?mode=full" },
        { "GET", "/api/reindex" },
        { "GET", "/api/reindex/0123456789ab" },
        { "DELETE", "/api/reindex/0123456789ab" },
    };

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Without_a_configured_key_a_loopback_client_may_reindex(string address)
    {
        using var app = new SearchApplication { ClientAddress = IPAddress.Parse(address) };
        var client = app.CreateClient();

        var job = await client.ReindexAsync();

        Assert.Equal("succeeded", job.State);
    }

    [Theory]
    [MemberData(nameof(AdminCalls))]
    public async Task Without_a_configured_key_a_remote_client_is_refused(string method, string url)
    {
        using var app = new SearchApplication { ClientAddress = Remote };
        var client = app.CreateClient();

        var problem = await client.ProblemAsync(new HttpMethod(method), url, HttpStatusCode.Forbidden);

        Assert.Equal(new Problem(403, "Forbidden", "Admin endpoints accept only local clients until Search:AdminApiKey is configured.", "admin_loopback_only", null), problem);
    }

    [Fact]
    public async Task Without_a_configured_key_a_client_of_unknown_address_is_refused()
    {
        using var app = new SearchApplication(); // TestServer gives no remote address at all
        var client = app.CreateClient();

        var problem = await client.ProblemAsync(HttpMethod.Post, "/api/reindex", HttpStatusCode.Forbidden);

        Assert.Equal("admin_loopback_only", problem.Code);
    }

    [Theory]
    [MemberData(nameof(AdminCalls))]
    public async Task With_a_configured_key_a_request_without_it_gets_401_even_from_loopback(string method, string url)
    {
        using var app = new SearchApplication { ClientAddress = IPAddress.Loopback };
        app.Settings.Set("Search:AdminApiKey", "s3cret-admin-key");
        var client = app.CreateClient();

        var problem = await client.ProblemAsync(new HttpMethod(method), url, HttpStatusCode.Unauthorized);

        Assert.Equal(new Problem(401, "Admin key required", "This endpoint needs the admin key in the X-Api-Key header.", "api_key_required", null), problem);
    }

    [Theory]
    [MemberData(nameof(AdminCalls))]
    public async Task With_a_configured_key_a_wrong_key_gets_403(string method, string url)
    {
        using var app = new SearchApplication { ClientAddress = Remote };
        app.Settings.Set("Search:AdminApiKey", "s3cret-admin-key");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ReindexClient.KeyHeader, "s3cret-admin-kez");

        var problem = await client.ProblemAsync(new HttpMethod(method), url, HttpStatusCode.Forbidden);

        Assert.Equal(new Problem(403, "Forbidden", "The X-Api-Key header does not hold the admin key.", "api_key_invalid", null), problem);
    }

    [Fact]
    public async Task With_a_configured_key_a_remote_client_with_the_key_may_reindex()
    {
        using var app = new SearchApplication { ClientAddress = Remote };
        app.Settings.Set("Search:AdminApiKey", "s3cret-admin-key");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ReindexClient.KeyHeader, "s3cret-admin-key");

        var started = await client.StartReindexAsync();
        var finished = await client.WaitForJobAsync(started.Id);
        var latest = await client.GetJobAsync("/api/reindex");

        Assert.Equal("succeeded", finished.State);
        Assert.Equal(started.Id, latest.Id);
    }

    [Fact]
    public async Task A_refused_request_starts_no_job()
    {
        using var app = new SearchApplication { ClientAddress = Remote };
        app.Settings.Set("Search:AdminApiKey", "s3cret-admin-key");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ReindexClient.KeyHeader, "wrong");
        await client.ProblemAsync(HttpMethod.Post, "/api/reindex?mode=full", HttpStatusCode.Forbidden);

        client.DefaultRequestHeaders.Remove(ReindexClient.KeyHeader);
        client.DefaultRequestHeaders.Add(ReindexClient.KeyHeader, "s3cret-admin-key");
        var latest = await client.GetJobAsync("/api/reindex");

        Assert.Equal("firstBuild", latest.Mode);
    }

    [Fact]
    public async Task A_rotated_key_applies_without_a_restart()
    {
        using var app = new SearchApplication { ClientAddress = Remote };
        app.Settings.Set("Search:AdminApiKey", "old-key");
        var oldKey = app.CreateClient();
        oldKey.DefaultRequestHeaders.Add(ReindexClient.KeyHeader, "old-key");
        var newKey = app.CreateClient();
        newKey.DefaultRequestHeaders.Add(ReindexClient.KeyHeader, "new-key");
        Assert.Equal("succeeded", (await oldKey.ReindexAsync()).State);

        app.Settings.Set("Search:AdminApiKey", "new-key");

        Assert.Equal("api_key_invalid", (await oldKey.ProblemAsync(HttpMethod.Post, "/api/reindex", HttpStatusCode.Forbidden)).Code);
        Assert.Equal("succeeded", (await newKey.ReindexAsync()).State);
    }

    [Fact]
    public async Task Removing_the_key_at_runtime_falls_back_to_loopback_only()
    {
        using var app = new SearchApplication { ClientAddress = Remote };
        app.Settings.Set("Search:AdminApiKey", "s3cret-admin-key");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ReindexClient.KeyHeader, "s3cret-admin-key");
        Assert.Equal("succeeded", (await client.ReindexAsync()).State);

        app.Settings.Set("Search:AdminApiKey", null);

        Assert.Equal("admin_loopback_only", (await client.ProblemAsync(HttpMethod.Post, "/api/reindex", HttpStatusCode.Forbidden)).Code);
    }

    [Fact]
    public async Task Search_and_articles_stay_open_to_a_remote_client_without_a_key()
    {
        using var app = new SearchApplication { ClientAddress = Remote };
        app.Settings.Set("Search:AdminApiKey", "s3cret-admin-key");
        var client = app.CreateClient();

        var result = await client.SearchAsync("q=量子计算");
        var article = await client.GetJsonElementAsync($"/api/articles/{QuantumChip}");

        Assert.Equal([QuantumChip, YearInReview], result.Ids);
        Assert.Equal(QuantumChip, article.GetProperty("id").GetString());
    }
}
