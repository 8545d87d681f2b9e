using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

/// <summary>
/// A service killed with SIGKILL in the middle of a reindex job comes back serving the old index, and a new job
/// finishes the work; killed during its first build, it comes back serving the batches committed and resumes.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("archive-crash-tests-").FullName;
    private string Archive => Path.Combine(root, "archive");
    private string Index => Path.Combine(root, "index");

    [Theory]
    [InlineData("full")]
    [InlineData("incremental")]
    public async Task A_job_killed_midway_leaves_the_previous_index_and_a_new_job_completes(string mode)
    {
        WriteArticles(0, 1500);
        using (var first = await CrashServiceProcess.StartAsync(Archive, Index))
        {
            Assert.Equal(1500, await first.ArticleCountAsync());
            WriteArticles(1500, 4500);
            var job = await first.StartJobAsync(mode);
            var id = job.GetProperty("id").GetString()!;
            var seen = await first.WaitForJobAsync(id, j => j.GetProperty("progress").GetProperty("scanned").GetInt32() > 100, TimeSpan.FromSeconds(60));
            first.Kill();
            Assert.Equal("running", seen.GetProperty("state").GetString());
        }

        using var second = await CrashServiceProcess.StartAsync(Archive, Index);
        Assert.Equal(1500, await second.ArticleCountAsync());
        using (var search = JsonDocument.Parse(await second.Client.GetStringAsync("/api/search?q=common")))
        {
            Assert.Equal(1500, search.RootElement.GetProperty("total").GetInt32());
        }
        Assert.Single(Directory.GetDirectories(Index, "gen-*"));
        if (mode == "full")
        {
            // The half-built generation is discarded at start, and the log says so.
            Assert.Contains("Removed index generation gen-000002", second.Log);
        }

        var again = await second.StartJobAsync(mode);
        var finished = await second.WaitForJobAsync(again.GetProperty("id").GetString()!,
            j => j.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled", TimeSpan.FromSeconds(120));

        Assert.Equal("succeeded", finished.GetProperty("state").GetString());
        Assert.Equal(4500, finished.GetProperty("progress").GetProperty("added").GetInt32());
        Assert.Equal(6000, await second.ArticleCountAsync());
        Assert.Single(Directory.GetDirectories(Index, "gen-*"));
    }

    [Fact]
    public async Task A_sigterm_during_a_full_job_stops_the_service_cleanly_and_keeps_the_index()
    {
        WriteArticles(0, 1500);
        using (var first = await CrashServiceProcess.StartAsync(Archive, Index))
        {
            WriteArticles(1500, 4500);
            var job = await first.StartJobAsync("full");
            var id = job.GetProperty("id").GetString()!;
            await first.WaitForJobAsync(id, j => j.GetProperty("progress").GetProperty("scanned").GetInt32() > 100, TimeSpan.FromSeconds(60));

            var exitCode = first.Terminate(TimeSpan.FromSeconds(30));

            Assert.Equal(0, exitCode);
            Assert.Contains($"Reindex job {id} (Full) Cancelled", first.Log);
        }
        // Nothing half-built is left behind, and the next start serves the index as it was.
        Assert.Single(Directory.GetDirectories(Index, "gen-*"));
        using var second = await CrashServiceProcess.StartAsync(Archive, Index);
        Assert.Equal(1500, await second.ArticleCountAsync());
        Assert.DoesNotContain("Removed index generation", second.Log);
    }

    [Fact]
    public async Task A_first_build_killed_midway_comes_back_with_its_committed_batches_and_resumes_without_redoing_them()
    {
        const int total = 6000;
        WriteArticles(0, total);
        string[] often = ["--Search:FirstBuildCommitSeconds=0.2", "--Search:ProgressLogSeconds=0.2"];
        JsonElement killedAt;
        using (var first = await CrashServiceProcess.StartAsync(Archive, Index, untilBuilt: false, often))
        {
            // The service answers before anything is indexed; killed once a batch is searchable and progress logged.
            killedAt = await first.WaitForHealthAsync(h => h.GetProperty("status").GetString() != "indexing"
                || (h.GetProperty("articles").GetInt32() > 0 && first.Log.Contains("Indexing: ", StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
            first.Kill();
            Assert.Equal("indexing", killedAt.GetProperty("status").GetString());
            Assert.Matches($@"Indexing: \d+ of {total} files \(\d+%\), \d+ files/s, [^;]+; \d+ articles searchable", first.Log);
        }
        Assert.True(File.Exists(Path.Combine(Index, "FIRST-BUILD")));

        using var second = await CrashServiceProcess.StartAsync(Archive, Index, untilBuilt: false, often);
        var resumed = await second.HealthAsync();
        var kept = int.Parse(Regex.Match(second.Log, @"was interrupted with (\d+) articles indexed: resuming").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(kept, killedAt.GetProperty("articles").GetInt32(), total - 1);
        Assert.InRange(resumed.GetProperty("articles").GetInt32(), kept, total);

        var built = await second.WaitForHealthAsync(h => h.GetProperty("status").GetString() == "ready", TimeSpan.FromSeconds(120));
        Assert.Equal(total, built.GetProperty("articles").GetInt32());
        using (var search = JsonDocument.Parse(await second.Client.GetStringAsync("/api/search?q=common")))
        {
            Assert.Equal(total, search.RootElement.GetProperty("total").GetInt32());
        }
        // The files of the committed batches were recognised by their hash, not indexed again.
        var summary = await WaitForLogAsync(second, @$"Indexed (\d+) of {total} files \((\d+) already indexed, 0 skipped\)");
        Assert.Equal((total - kept, kept), (int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(summary.Groups[2].Value, CultureInfo.InvariantCulture)));
        Assert.Single(Directory.GetDirectories(Index, "gen-*"));
        Assert.False(File.Exists(Path.Combine(Index, "FIRST-BUILD")));
    }

    private static async Task<Match> WaitForLogAsync(CrashServiceProcess service, string pattern)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var match = Regex.Match(service.Log, pattern);
            if (match.Success) return match;
            Assert.True(DateTime.UtcNow < deadline, $"The log never matched {pattern}:\n{service.Log}");
            await Task.Delay(20);
        }
    }

    private void WriteArticles(int from, int count)
    {
        for (var n = from; n < from + count; n++)
        {
            var day = new DateOnly(2024, 1, 1).AddDays(n % 400);
            var path = Path.Combine(Archive, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{n % 1000:000}_{n:x16}.txt"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
                # 第 {n} 篇：开源模型与向量检索的笔记

                ## 原始摘要

                common words for article {n}. 这是一段关于开源模型、向量数据库和城市旅行的文字，编号 {n}。<br><br>More text about search engines and databases.

                ## AI 摘要

                第 {n} 篇文章的摘要：讨论检索、模型与数据库。

                ## 元数据

                - **来源**: RSS
                - **类型**: 博客
                - **保存时间**: {day:yyyy-MM-dd}T08:00:00Z
                """));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}
