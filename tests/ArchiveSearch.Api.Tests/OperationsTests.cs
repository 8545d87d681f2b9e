using System.Net;
using System.Text.Json;
using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

/// <summary>What whoever runs the service relies on: readiness, metrics, recovery from a broken index, watch mode.</summary>
public sealed class OperationsTests
{
    [Fact]
    public async Task Liveness_and_readiness_answer_separately()
    {
        using var app = new SearchApplication();
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        using var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready"));
        Assert.Equal("ready", ready.RootElement.GetProperty("status").GetString());
        Assert.Equal(SampleArticles.GoodArticleCount, ready.RootElement.GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task Metrics_count_requests_by_endpoint_and_report_the_index()
    {
        using var app = new SearchApplication();
        var client = app.CreateClient();
        await client.GetAsync("/api/search?q=x");
        await client.GetAsync("/api/search?q=y");
        await client.GetAsync("/api/articles/nope");

        var text = await client.GetStringAsync("/metrics");

        Assert.Contains("archive_http_requests_total{endpoint=\"/api/search\",method=\"GET\",status=\"200\"} 2", text);
        Assert.Contains("archive_http_requests_total{endpoint=\"/api/articles/{id}\",method=\"GET\",status=\"404\"} 1", text);
        Assert.Contains($"archive_index_articles {SampleArticles.GoodArticleCount}", text);
        Assert.Contains("archive_index_ready 1", text);
        Assert.Contains("archive_search_duration_seconds_count 2", text);
        Assert.Matches(@"archive_index_size_bytes [1-9]\d*", text);
    }

    [Fact]
    public async Task A_corrupt_index_leaves_the_service_up_but_not_ready_until_a_reindex_rebuilds_it()
    {
        using var app = new SearchApplication { ClientAddress = IPAddress.Loopback };
        // What a torn disk leaves: CURRENT names a generation whose commit point is garbage.
        var generation = Path.Combine(app.IndexPath, "gen-000001");
        Directory.CreateDirectory(generation);
        File.WriteAllText(Path.Combine(app.IndexPath, "CURRENT"), "gen-000001\n");
        File.WriteAllBytes(Path.Combine(generation, "segments_1"), [0x3f, 0xd7, 0x6c, 0x17, 1, 2, 3]);
        File.WriteAllText(Path.Combine(generation, "segments.gen"), "garbage");
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        using var search = await client.GetAsync("/api/search?q=x");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
        Assert.Contains("\"code\":\"index_not_ready\"", await search.Content.ReadAsStringAsync());

        var job = await client.ReindexAsync("full");

        Assert.Equal("succeeded", job.State);
        using var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready"));
        Assert.Equal(SampleArticles.GoodArticleCount, ready.RootElement.GetProperty("articles").GetInt32());
        Assert.Equal(SampleArticles.GoodArticleCount, (await client.SearchAsync("")).Total);
        Assert.False(Directory.Exists(generation));
    }

    [Fact]
    public async Task In_watch_mode_a_new_file_is_searchable_shortly_after_it_is_written()
    {
        using var app = new SearchApplication();
        app.Settings.Set("Search:Watch", "true");
        app.Settings.Set("Search:WatchDebounceMilliseconds", "200");
        var client = app.CreateClient();
        Assert.Equal(0, (await client.SearchAsync("q=独角兽观察日记")).Total);

        app.WriteArchiveFile("2025-06-30/000_00000000000fffff.txt", """
            # 独角兽观察日记

            ## AI 摘要

            一篇关于独角兽观察日记的笔记。

            ## 元数据

            - **来源**: RSS
            - **保存时间**: 2025-06-30T08:00:00Z
            """);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        var total = 0;
        while (total == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            total = (await client.SearchAsync("q=独角兽观察日记")).Total;
        }
        Assert.Equal(1, total);
    }
}
