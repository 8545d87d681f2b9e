using System.Net;
using System.Text;
using ArchiveSearch.Api.Tests.Support;
using static ArchiveSearch.Api.Tests.Support.SampleArticles;

namespace ArchiveSearch.Api.Tests;

/// <summary>
/// Reindex jobs over HTTP, from a loopback client with no key configured: what a job reports and what
/// search shows afterwards. Every test changes its own app's archive, so each has its own app.
/// </summary>
public sealed class ReindexEndpointTests : IDisposable
{
    private const string NewArticle = "a10000000000000e";
    private const string NewArticlePath = $"2025-06-01/000_{NewArticle}.txt";
    private const string PostgresPath = $"2025-01-20/000_{PostgresTuning}.txt";
    private const string RustPath = $"2025-02-03/000_{RustRelease}.txt";
    private const string VectorPath = $"2025-01-15/000_{VectorDatabases}.txt";
    private const string NoTitlePath = $"2025-05-23/002_{NoTitle}.txt";
    private const string NoTitleReason = "No title line: the first non-blank line must be '# ' followed by the title.";
    private const string KeptSuffix = " The last good version stays indexed.";

    private readonly SearchApplication app = new() { ClientAddress = IPAddress.Loopback };
    private readonly HttpClient client;

    public ReindexEndpointTests() => client = app.CreateClient();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Starting_a_job_answers_202_with_its_location_and_a_camel_case_body()
    {
        using var response = await client.PostAsync("/api/reindex", content: null);
        var body = await response.Content.ReadAsStringAsync();
        using var document = System.Text.Json.JsonDocument.Parse(body);
        var root = document.RootElement;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = root.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{12}$", id);
        Assert.Equal($"/api/reindex/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(["id", "mode", "state", "createdAt", "startedAt", "endedAt", "progress", "skippedFiles", "error"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["total", "scanned", "added", "updated", "deleted", "unchanged", "skipped", "filesPerSecond", "etaSeconds"],
            root.GetProperty("progress").EnumerateObject().Select(p => p.Name));
        Assert.Equal("incremental", root.GetProperty("mode").GetString());
        Assert.Contains(root.GetProperty("state").GetString(), new[] { "queued", "running", "succeeded" });
        await client.WaitForJobAsync(id);
    }

    [Fact]
    public async Task A_finished_job_has_its_times_in_order_and_no_error()
    {
        var started = await client.StartReindexAsync("incremental");
        var job = await client.WaitForJobAsync(started.Id);

        Assert.Equal("incremental", job.Mode);
        Assert.Equal("succeeded", job.State);
        Assert.Null(job.Error);
        Assert.NotNull(job.StartedAt);
        Assert.NotNull(job.EndedAt);
        Assert.True(job.CreatedAt <= job.StartedAt && job.StartedAt <= job.EndedAt, $"{job.CreatedAt:O} {job.StartedAt:O} {job.EndedAt:O}");
        Assert.Equal(started.CreatedAt, job.CreatedAt);
    }

    [Fact]
    public async Task An_incremental_run_over_an_unchanged_archive_changes_nothing_and_reports_the_bad_file()
    {
        var job = await client.ReindexAsync();

        Assert.Equal(new JobProgress(Total: 13, Scanned: 13, Added: 0, Updated: 0, Deleted: 0, Unchanged: 12, Skipped: 1), job.Progress);
        Assert.Equal([new SkippedFile(NoTitlePath, 1, NoTitleReason)], job.SkippedFiles);
        Assert.Equal(GoodArticleCount, (await client.SearchAsync("")).Total);
    }

    [Theory]
    [InlineData("FULL", "full")]
    [InlineData(" Incremental ", "incremental")]
    [InlineData("", "incremental")]
    public async Task The_mode_is_read_without_regard_to_case_or_spaces(string given, string expected)
    {
        var job = await client.StartReindexAsync(Uri.EscapeDataString(given));
        await client.WaitForJobAsync(job.Id);

        Assert.Equal(expected, job.Mode);
    }

    [Fact]
    public async Task An_unknown_mode_is_a_400_naming_the_parameter()
    {
        var problem = await client.ProblemAsync(HttpMethod.Post, "/api/reindex?mode=sideways", HttpStatusCode.BadRequest);

        Assert.Equal(new Problem(400, "Invalid parameter", "mode must be incremental or full, not 'sideways'.", "invalid_parameter", "mode"), problem);
        // No job was started: the latest is still the service's own first build.
        Assert.Equal("firstBuild", (await client.GetJobAsync("/api/reindex")).Mode);
    }

    [Fact]
    public async Task Before_any_job_is_asked_for_the_latest_is_the_first_build_the_service_ran_at_start()
    {
        var job = await client.GetJobAsync("/api/reindex");

        Assert.Equal(("firstBuild", "succeeded"), (job.Mode, job.State));
        Assert.Equal(new JobProgress(Total: 13, Scanned: 13, Added: 12, Updated: 0, Deleted: 0, Unchanged: 0, Skipped: 1), job.Progress);
    }

    [Fact]
    public async Task With_no_job_at_all_the_latest_is_a_404()
    {
        // No archive folder: nothing to build at start.
        using var empty = SearchApplication.WithoutArchive();
        empty.ClientAddress = IPAddress.Loopback;

        var problem = await empty.CreateClient().ProblemAsync(HttpMethod.Get, "/api/reindex", HttpStatusCode.NotFound);

        Assert.Equal(new Problem(404, "Reindex job not found", "No reindex job has run since the service started.", "job_not_found", null), problem);
    }

    [Fact]
    public async Task The_latest_job_is_the_last_one_started()
    {
        var first = await client.ReindexAsync("incremental");
        var second = await client.ReindexAsync("full");

        var latest = await client.GetJobAsync("/api/reindex");
        var earlier = await client.GetJobAsync($"/api/reindex/{first.Id}");

        Assert.NotEqual(first.Id, second.Id);
        AssertSameJob(second, latest);
        AssertSameJob(first, earlier);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task An_unknown_job_id_is_a_404(string method)
    {
        var problem = await client.ProblemAsync(new HttpMethod(method), "/api/reindex/0123456789ab", HttpStatusCode.NotFound);

        Assert.Equal(new Problem(404, "Reindex job not found", "No reindex job has the id '0123456789ab'.", "job_not_found", null), problem);
    }

    [Fact]
    public async Task An_incremental_run_adds_new_files_replaces_changed_ones_and_deletes_removed_ones()
    {
        Assert.Equal([RustRelease, SparseModels], (await client.SearchAsync("q=rust")).Ids);
        app.WriteArchiveFile(NewArticlePath, Article("Glacier telemetry notes", "Sensors on a glacier report melt rates every hour.", "2025-06-01"));
        app.WriteArchiveFile(PostgresPath, Article("Postgres tuning notes", "Tips for tuning autovacuum thresholds on a busy server.", "2025-01-20"));
        app.DeleteArchiveFile(RustPath);

        var job = await client.ReindexAsync("incremental");

        Assert.Equal("succeeded", job.State);
        Assert.Equal(new JobProgress(Total: 13, Scanned: 13, Added: 1, Updated: 1, Deleted: 1, Unchanged: 10, Skipped: 1), job.Progress);
        Assert.Equal([new SkippedFile(NoTitlePath, 1, NoTitleReason)], job.SkippedFiles);
        Assert.Equal([NewArticle], (await client.SearchAsync("q=glacier")).Ids);
        Assert.Equal([PostgresTuning], (await client.SearchAsync("q=autovacuum")).Ids);
        Assert.Equal([SparseModels], (await client.SearchAsync("q=rust")).Ids);
        Assert.Equal(GoodArticleCount, (await client.SearchAsync("")).Total);
        await client.ProblemAsync(HttpMethod.Get, $"/api/articles/{RustRelease}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_changed_file_no_longer_matches_its_old_words()
    {
        app.WriteArchiveFile(PostgresPath, Article("Postgres tuning notes", "Tips for tuning autovacuum thresholds on a busy server.", "2025-01-20"));

        await client.ReindexAsync();

        Assert.Empty((await client.SearchAsync("q=relational")).Hits);
        Assert.Equal([PostgresTuning], (await client.SearchAsync("q=autovacuum")).Ids);
    }

    [Theory]
    [InlineData("incremental")]
    [InlineData("full")]
    public async Task A_file_that_is_no_longer_utf8_keeps_its_last_good_version(string mode)
    {
        var bytes = Encoding.UTF8.GetBytes(SampleArticles.Files[VectorPath]);
        bytes[2] = 0xFF; // inside the title line
        app.WriteArchiveFile(VectorPath, bytes);

        var job = await client.ReindexAsync(mode);

        Assert.Equal("succeeded", job.State);
        Assert.Equal(new JobProgress(Total: 13, Scanned: 13, Added: 0, Updated: 0, Deleted: 0, Unchanged: 11, Skipped: 2), job.Progress);
        Assert.Equal(
            [
                new SkippedFile(VectorPath, 1, "The file is not valid UTF-8 (bad byte 0xFF); re-save it as UTF-8." + KeptSuffix),
                new SkippedFile(NoTitlePath, 1, NoTitleReason),
            ],
            job.SkippedFiles);
        await AssertVectorDatabasesStillServed();
    }

    [Theory]
    [InlineData("incremental")]
    [InlineData("full")]
    public async Task A_file_that_lost_its_title_line_keeps_its_last_good_version(string mode)
    {
        app.WriteArchiveFile(VectorPath, SampleArticles.Files[VectorPath].Replace("# Vector databases in practice", "", StringComparison.Ordinal));

        var job = await client.ReindexAsync(mode);

        Assert.Equal("succeeded", job.State);
        Assert.Equal(new JobProgress(Total: 13, Scanned: 13, Added: 0, Updated: 0, Deleted: 0, Unchanged: 11, Skipped: 2), job.Progress);
        var skipped = Assert.Single(job.SkippedFiles, f => f.Path == VectorPath);
        Assert.EndsWith(KeptSuffix, skipped.Reason);
        Assert.Equal(NoTitleReason + KeptSuffix, skipped.Reason);
        await AssertVectorDatabasesStillServed();
    }

    [Fact]
    public async Task A_file_that_stays_bad_through_two_full_rebuilds_is_still_served()
    {
        app.WriteArchiveFile(VectorPath, [0xFF, 0xFE, 0x00]);

        var first = await client.ReindexAsync("full");
        var second = await client.ReindexAsync("full");

        Assert.Equal("succeeded", second.State);
        Assert.All([first, second], job => Assert.EndsWith(KeptSuffix, Assert.Single(job.SkippedFiles, f => f.Path == VectorPath).Reason));
        await AssertVectorDatabasesStillServed();
    }

    [Fact]
    public async Task A_full_rebuild_of_an_unchanged_archive_reports_everything_unchanged_and_leaves_one_generation()
    {
        Assert.Equal(["gen-000001"], Generations());

        var job = await client.ReindexAsync("full");

        Assert.Equal("full", job.Mode);
        Assert.Equal("succeeded", job.State);
        Assert.Equal(new JobProgress(Total: 13, Scanned: 13, Added: 0, Updated: 0, Deleted: 0, Unchanged: 12, Skipped: 1), job.Progress);
        Assert.Equal([new SkippedFile(NoTitlePath, 1, NoTitleReason)], job.SkippedFiles);
        Assert.Equal(["gen-000002"], Generations());
        Assert.Equal("gen-000002", CurrentGeneration());
        Assert.Equal(GoodArticleCount, (await client.SearchAsync("")).Total);
        Assert.Equal([QuantumChip, YearInReview], (await client.SearchAsync("q=量子计算")).Ids);
    }

    [Fact]
    public async Task A_full_rebuild_reflects_the_archive_with_counts_relative_to_the_old_index()
    {
        app.WriteArchiveFile(NewArticlePath, Article("Glacier telemetry notes", "Sensors on a glacier report melt rates every hour.", "2025-06-01"));
        app.WriteArchiveFile(PostgresPath, Article("Postgres tuning notes", "Tips for tuning autovacuum thresholds on a busy server.", "2025-01-20"));
        app.DeleteArchiveFile(RustPath);

        var job = await client.ReindexAsync("full");

        Assert.Equal("succeeded", job.State);
        Assert.Equal(new JobProgress(Total: 13, Scanned: 13, Added: 1, Updated: 1, Deleted: 1, Unchanged: 10, Skipped: 1), job.Progress);
        Assert.Equal([NewArticle], (await client.SearchAsync("q=glacier")).Ids);
        Assert.Equal([PostgresTuning], (await client.SearchAsync("q=autovacuum")).Ids);
        Assert.Equal([SparseModels], (await client.SearchAsync("q=rust")).Ids);
        Assert.Equal(GoodArticleCount, (await client.SearchAsync("")).Total);
        Assert.Equal(["gen-000002"], Generations());
        Assert.Equal("gen-000002", CurrentGeneration());
    }

    [Fact]
    public async Task A_second_job_while_one_runs_is_a_409_naming_the_running_job()
    {
        GeneratedArticles.WriteTo(app, 1500);
        var running = await client.StartReindexAsync("full");

        var problem = await client.SendProblemAsync(HttpMethod.Post, "/api/reindex", HttpStatusCode.Conflict);

        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal("reindex_running", problem.GetProperty("code").GetString());
        Assert.Equal(running.Id, problem.GetProperty("runningJobId").GetString());
        Assert.Equal($"Reindex job {running.Id} is still running; wait for it or cancel it.", problem.GetProperty("detail").GetString());
        await client.CancelJobAsync(running.Id);
        await client.WaitForJobAsync(running.Id);
    }

    [Fact]
    public async Task A_cancelled_full_rebuild_leaves_the_index_as_it_was()
    {
        GeneratedArticles.WriteTo(app, 1500);
        var started = await client.StartReindexAsync("full");

        var answer = await client.CancelJobAsync(started.Id);
        var job = await client.WaitForJobAsync(started.Id);

        Assert.Equal(started.Id, answer.Id);
        Assert.Equal("cancelled", job.State);
        Assert.Null(job.Error);
        Assert.Equal(GoodArticleCount, (await client.SearchAsync("")).Total);
        Assert.Empty((await client.SearchAsync("q=lantern")).Hits);
        Assert.Equal(["gen-000001"], Generations());
        Assert.Equal("gen-000001", CurrentGeneration());
    }

    [Fact]
    public async Task A_cancelled_incremental_run_leaves_the_index_as_it_was()
    {
        GeneratedArticles.WriteTo(app, 1500);
        var started = await client.StartReindexAsync("incremental");

        await client.CancelJobAsync(started.Id);
        var job = await client.WaitForJobAsync(started.Id);

        Assert.Equal("cancelled", job.State);
        Assert.Equal(GoodArticleCount, (await client.SearchAsync("")).Total);
        Assert.Equal(["gen-000001"], Generations());
    }

    [Fact]
    public async Task Cancelling_a_finished_job_changes_nothing()
    {
        var done = await client.ReindexAsync();

        var answer = await client.CancelJobAsync(done.Id);

        AssertSameJob(done, answer);
        AssertSameJob(done, await client.GetJobAsync($"/api/reindex/{done.Id}"));
    }

    [Theory]
    [InlineData("incremental")]
    [InlineData("full")]
    public async Task A_job_over_a_missing_archive_fails_with_a_sentence_and_search_keeps_the_old_index(string mode)
    {
        Directory.Delete(app.ArchivePath, recursive: true);

        var job = await client.ReindexAsync(mode);

        Assert.Equal("failed", job.State);
        Assert.Equal($"The archive folder is missing: Archive folder not found: {app.ArchivePath}", job.Error);
        Assert.NotNull(job.EndedAt);
        Assert.Equal(GoodArticleCount, (await client.SearchAsync("")).Total);
        Assert.Equal(["gen-000001"], Generations());
        Assert.Equal("gen-000001", CurrentGeneration());
    }

    [Theory]
    [InlineData("incremental")]
    [InlineData("full")]
    public async Task After_a_failed_job_the_next_one_works(string mode)
    {
        var moved = app.ArchivePath + "-away";
        Directory.Move(app.ArchivePath, moved);
        Assert.Equal("failed", (await client.ReindexAsync(mode)).State);
        Directory.Move(moved, app.ArchivePath);
        app.WriteArchiveFile(NewArticlePath, Article("Glacier telemetry notes", "Sensors on a glacier report melt rates every hour.", "2025-06-01"));

        var job = await client.ReindexAsync(mode);

        Assert.Equal("succeeded", job.State);
        Assert.Equal(1, job.Progress.Added);
        Assert.Equal([NewArticle], (await client.SearchAsync("q=glacier")).Ids);
        Assert.Equal(GoodArticleCount + 1, (await client.SearchAsync("")).Total);
    }

    private async Task AssertVectorDatabasesStillServed()
    {
        Assert.Equal([VectorDatabases, PostgresTuning], (await client.SearchAsync("q=vector%20database")).Ids);
        var article = await client.GetJsonElementAsync($"/api/articles/{VectorDatabases}");
        Assert.Equal("Vector databases in practice", article.GetProperty("title").GetString());
        Assert.Equal(GoodArticleCount, (await client.SearchAsync("")).Total);
    }

    // Records compare arrays by reference, so the skipped files are compared on their own.
    private static void AssertSameJob(Job expected, Job actual)
    {
        Assert.Equal(expected.SkippedFiles, actual.SkippedFiles);
        SkippedFile[] none = [];
        Assert.Equal(expected with { SkippedFiles = none }, actual with { SkippedFiles = none });
    }

    private string[] Generations() =>
        [.. Directory.EnumerateDirectories(app.IndexPath, "gen-*").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    private string CurrentGeneration() => File.ReadAllText(Path.Combine(app.IndexPath, "CURRENT")).Trim();

    private static string Article(string title, string aiSummary, string date) => $"""
        # {title}

        **URL**: https://news.example.com/{date}

        ## 原始摘要

        <p>{title}.</p>

        ## AI 摘要

        {aiSummary}

        ## 元数据

        - **来源**: Hacker News
        - **类型**: Blog
        - **保存时间**: {date}T09:00:00Z
        - **目录日期**: {date}

        """;
}
