using ArchiveSearch.Engine.Searching;
using ArchiveSearch.Engine.Tests.Support;
using Lucene.Net.Util;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

public class TimeBudgetTests
{
    /// <summary>
    /// A clock that advances one millisecond every time it is read: the budget reads it every
    /// <see cref="SearchBudget.CheckEvery"/> documents, so each such run of documents "takes" 1 ms.
    /// </summary>
    private sealed class SteppingClock : Counter
    {
        private long now;
        public override long AddAndGet(long delta) => Interlocked.Add(ref now, delta);
        public override long Value => Interlocked.Increment(ref now);
    }

    private static TempIndex Index(int count) =>
        new(Enumerable.Range(0, count).Select(i => Make($"a{i:0000}", $"文章 {i}", tags: [$"t{i % 7}"])).ToArray());

    [Fact]
    public void A_search_over_its_budget_stops_and_answers_with_what_it_found_marked_partial()
    {
        using var index = Index(500);
        var searcher = new ArticleSearcher(index.Index) { Clock = new SteppingClock() };

        var response = searcher.Search(new SearchRequest { Query = "文章", TimeBudget = TimeSpan.FromMilliseconds(3) });

        Assert.True(response.Partial);
        Assert.InRange(response.Total, 1, 3 * SearchBudget.CheckEvery);
        Assert.Equal(10, response.Hits.Count);
        Assert.Equal(response.Total, response.Facets.Hashtags.Sum(b => b.Count));
    }

    [Fact]
    public void A_search_within_its_budget_is_complete()
    {
        using var index = Index(50);
        var searcher = new ArticleSearcher(index.Index) { Clock = new SteppingClock() };

        var response = searcher.Search(new SearchRequest { Query = "文章", TimeBudget = TimeSpan.FromMilliseconds(1000) });

        Assert.False(response.Partial);
        Assert.Equal(50, response.Total);
    }

    [Fact]
    public void With_the_real_clock_a_generous_budget_changes_nothing()
    {
        using var index = Index(50);

        var response = index.Searcher.Search(new SearchRequest { TimeBudget = TimeSpan.FromSeconds(5) });

        Assert.False(response.Partial);
        Assert.Equal(50, response.Total);
    }

    [Fact]
    public void The_search_clock_moves_with_time_and_never_back()
    {
        var clock = ArchiveSearch.Engine.Searching.SearchClock.Shared;
        var first = clock.Value;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var last = first;
        // Generous bounds for a loaded machine: the clock moves 50 ms within 10 s, and counts milliseconds (not ticks).
        while (last - first < 50 && watch.ElapsedMilliseconds < 10_000)
        {
            var now = clock.Value;
            Assert.True(now >= last, $"the clock went back from {last} to {now}");
            last = now;
            Thread.Sleep(1);
        }
        Assert.InRange(last - first, 50, watch.ElapsedMilliseconds + 1_000);
    }
}
