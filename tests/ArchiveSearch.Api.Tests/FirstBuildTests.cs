using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ArchiveSearch.Api.Tests.Support;
using ArchiveSearch.Engine.Generation;

namespace ArchiveSearch.Api.Tests;

/// <summary>On an archive with no index yet, the service answers at once and searches the first build as it grows.</summary>
public sealed class FirstBuildTests
{
    private const int Articles = 3000;

    [Fact]
    public async Task While_the_first_build_runs_health_says_indexing_with_its_progress_and_searches_answer_from_what_is_indexed()
    {
        using var app = SearchApplication.WithoutArchive();
        app.WaitForFirstBuild = false;
        app.ClientAddress = IPAddress.Loopback;
        CorpusGenerator.Generate(Articles, app.ArchivePath, seed: 1);
        app.Settings.Set("Search:FirstBuildCommitSeconds", "0.2");
        var client = app.CreateClient();

        // Polled until the build has committed a batch and run for long enough to have a rate.
        var health = await PollHealth(client, h => h.GetProperty("status").GetString() != "indexing"
            || (h.GetProperty("articles").GetInt32() > 0 && h.GetProperty("indexing").GetProperty("filesPerSecond").ValueKind == JsonValueKind.Number));
        var search = await client.SearchAsync("");
        var refused = await client.ProblemAsync(HttpMethod.Post, "/api/reindex", HttpStatusCode.Conflict);
        var job = await client.GetJobAsync("/api/reindex");

        Assert.Equal("indexing", health.GetProperty("status").GetString());
        var indexing = health.GetProperty("indexing");
        Assert.Equal(Articles, indexing.GetProperty("total").GetInt32());
        var done = indexing.GetProperty("done").GetInt32();
        Assert.InRange(health.GetProperty("articles").GetInt32(), 1, done);
        Assert.True(indexing.GetProperty("filesPerSecond").GetDouble() > 0);
        Assert.True(indexing.GetProperty("etaSeconds").GetInt32() >= 0);
        Assert.InRange(search.Total, health.GetProperty("articles").GetInt32(), Articles);
        Assert.Equal(Math.Min(10, search.Total), search.Hits.Length);
        Assert.Equal("reindex_running", refused.Code);
        Assert.Equal(("firstBuild", "running", Articles), (job.Mode, job.State, job.Progress.Total));

        var built = await PollHealth(client, h => h.GetProperty("status").GetString() == "ready");
        Assert.Equal(Articles, built.GetProperty("articles").GetInt32());
        Assert.False(built.TryGetProperty("indexing", out _));
        Assert.Equal(Articles, (await client.SearchAsync("")).Total);
        var finished = await client.GetJobAsync($"/api/reindex/{job.Id}");
        Assert.Equal(("succeeded", Articles, Articles), (finished.State, finished.Progress.Scanned, finished.Progress.Added));
    }

    [Fact]
    public async Task A_reindex_job_reports_its_rate_and_time_left()
    {
        using var app = new SearchApplication { ClientAddress = IPAddress.Loopback };
        var client = app.CreateClient();

        var job = await client.ReindexAsync("full");
        using var view = JsonDocument.Parse(await client.GetStringAsync($"/api/reindex/{job.Id}"));

        var progress = view.RootElement.GetProperty("progress");
        Assert.True(progress.GetProperty("filesPerSecond").GetDouble() > 0);
        Assert.Equal(0, progress.GetProperty("etaSeconds").GetInt32());
    }

    private static async Task<JsonElement> PollHealth(HttpClient client, Func<JsonElement, bool> until)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/health/ready: {(int)response.StatusCode} {body}");
            using var health = JsonDocument.Parse(body);
            if (until(health.RootElement)) return health.RootElement.Clone();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"/health/ready still {body} after 120 s");
            await Task.Delay(20);
        }
    }
}
