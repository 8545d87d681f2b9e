using System.Text.Json;
using ArchiveSearch.Engine.Tests.Support;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Tests.Searching;

/// <summary>
/// A search split over the two halves of the index on two cores must answer exactly what one pass answers: the same
/// hits and scores on every page, the same totals, facet counts, cursors and missing words. The archive's middle falls
/// inside its first segment, which holds deleted documents.
/// </summary>
public sealed class SplitSearchTests : IClassFixture<LongQueryArchive>
{
    private readonly LongQueryArchive archive;
    private readonly ArticleSearcher whole;
    private readonly ArticleSearcher split;

    public SplitSearchTests(LongQueryArchive archive)
    {
        this.archive = archive;
        whole = new ArticleSearcher(archive.Index) { Split = false };
        split = new ArticleSearcher(archive.Index) { Split = true };
    }

    public static TheoryData<string> Queries => new()
    {
        "国务院",
        "开源 大模型 训练 数据 的 评测 方法 与 社区",
        "国务院提出深化改革措施推动教育",
        "open source search engine for the archive with fast ranking",
        "\"open source\"",
        "kernel OR 医疗",
        "logging -release",
        "人工智能 release",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Every_page_total_facet_cursor_and_missing_word_is_the_one_pass_answer(string q)
    {
        var before = SplitSearch.Runs;
        SearchRequest[] requests =
        [
            new() { Query = q },
            new() { Query = q, Page = 3, Size = 7 },
            new() { Query = q, Hashtags = ["开源"] },
            new() { Query = q, Hashtags = ["AI", "Rust"], Sources = ["ArXiv"] },
            new() { Query = q, From = new DateOnly(2021, 1, 1), To = new DateOnly(2022, 6, 30), DateInterval = DateInterval.Day },
            new() { Query = q, Types = ["论文"], Size = 50 },
        ];
        foreach (var request in requests)
        {
            var expected = whole.Search(request);
            Assert.Equal(Json(expected), Json(split.Search(request)));
            // The next pages, through the cursor, as well.
            var (a, b) = (expected, expected);
            for (var page = 0; page < 3 && a.NextCursor is not null; page++)
            {
                a = whole.Search(new SearchRequest { Query = request.Query, Hashtags = request.Hashtags, Sources = request.Sources, Types = request.Types, From = request.From, To = request.To, Size = request.Size, Cursor = a.NextCursor });
                b = split.Search(new SearchRequest { Query = request.Query, Hashtags = request.Hashtags, Sources = request.Sources, Types = request.Types, From = request.From, To = request.To, Size = request.Size, Cursor = b.NextCursor });
                Assert.Equal(Json(a), Json(b));
            }
        }
        Assert.True(SplitSearch.Runs - before >= requests.Length, "the split searches did not split");
    }

    /// <summary>Keeps the tasks queued to it until <see cref="Release"/>: a second thread that has not started yet.</summary>
    private sealed class HeldScheduler : TaskScheduler
    {
        private readonly List<Task> held = [];

        protected override void QueueTask(Task task)
        {
            lock (held) held.Add(task);
        }

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

        protected override IEnumerable<Task> GetScheduledTasks()
        {
            lock (held) return [.. held];
        }

        /// <summary>Runs the held tasks on this thread; how many there were.</summary>
        public int Release()
        {
            Task[] tasks;
            lock (held)
            {
                tasks = [.. held];
                held.Clear();
            }
            foreach (var task in tasks) TryExecuteTask(task);
            return tasks.Length;
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_second_half_no_other_thread_has_started_is_scored_by_the_caller_with_the_one_pass_answer(string q)
    {
        var scheduler = new HeldScheduler();
        var late = new ArticleSearcher(archive.Index) { Split = true, SecondHalfScheduler = scheduler };
        var before = SplitSearch.SecondHalvesOnCaller;
        SearchRequest[] requests =
        [
            new() { Query = q },
            new() { Query = q, From = new DateOnly(2021, 1, 1), To = new DateOnly(2022, 6, 30), DateInterval = DateInterval.Day, Size = 30 },
        ];
        foreach (var request in requests)
        {
            // Waiting for the held thread would never end: the caller must take the half itself.
            var search = Task.Run(() => late.Search(request));
            var finished = await Task.WhenAny(search, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.True(finished == search, "the split search waited for a second thread that never started");
            Assert.Equal(Json(whole.Search(request)), Json(await search));
        }
        Assert.True(SplitSearch.SecondHalvesOnCaller - before >= requests.Length, "the caller did not score the second halves");
        // Let go now, the held halves find their half taken: they neither fail nor block.
        Assert.Equal(requests.Length, scheduler.Release());
    }

    [Fact]
    public void The_queries_find_enough_to_tell_the_halves_apart()
    {
        var response = whole.Search(new SearchRequest { Query = "开源 大模型 训练 数据 的 评测 方法 与 社区" });
        Assert.True(response.Total > 1500, $"{response.Total} hits");
        Assert.True(response.Facets.Hashtags.Count >= 5);
    }

    /// <summary>A clock that advances one millisecond every time it is read, once per <see cref="SearchBudget.CheckEvery"/> documents of either half.</summary>
    private sealed class SteppingClock : Counter
    {
        private long now;
        public override long AddAndGet(long delta) => Interlocked.Add(ref now, delta);
        public override long Value => Interlocked.Increment(ref now);
    }

    [Fact]
    public void A_split_search_over_its_budget_answers_with_what_both_halves_found_marked_partial()
    {
        var searcher = new ArticleSearcher(archive.Index) { Split = true, Clock = new SteppingClock() };
        var response = searcher.Search(new SearchRequest { Query = "开源 大模型 训练 数据", TimeBudget = TimeSpan.FromMilliseconds(4) });
        Assert.True(response.Partial);
        Assert.InRange(response.Total, 1, 4 * SearchBudget.CheckEvery);
        Assert.Equal(10, response.Hits.Count);
    }

    private static string Json(SearchResponse response) => JsonSerializer.Serialize(response with { TookMs = 0 });
}
