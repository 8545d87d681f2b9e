using System.Collections.Concurrent;
using ArchiveSearch.Engine.Reindexing;
using ArchiveSearch.Engine.Tests.Support;

namespace ArchiveSearch.Engine.Tests.Reindexing;

public class ReindexUnderLoadTests
{
    [Theory]
    [InlineData(ReindexMode.Full)]
    [InlineData(ReindexMode.Incremental)]
    public async Task Searches_during_a_reindex_of_thousands_of_articles_all_succeed_with_totals_that_never_drop(ReindexMode mode)
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 1000);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        GeneratedArticles.Write(index.Archive, 1000, 2000);
        var searcher = new ArticleSearcher(index.Live);
        var totals = new ConcurrentQueue<List<(int Browse, int Query, bool AfterJob)>>();
        var failures = new ConcurrentQueue<Exception>();
        using var done = new CancellationTokenSource();
        var jobReturned = 0;

        using var started = new CountdownEvent(2);
        using var searchedAfterJob = new CountdownEvent(2);
        // Readers on threads of their own: while the job's indexing threads fill both cores the thread pool adds no
        // threads, and pool-queued readers could start only after the job (having searched nothing during it).
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            var mine = new List<(int Browse, int Query, bool AfterJob)>();
            totals.Enqueue(mine);
            var signalledAfterJob = false;
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!done.IsCancellationRequested && DateTime.UtcNow < deadline)
            {
                try
                {
                    var afterJob = Volatile.Read(ref jobReturned) == 1;
                    var browse = searcher.Search(new SearchRequest()).Total;
                    var query = searcher.Search(new SearchRequest { Query = "文章 common" }).Total;
                    mine.Add((browse, query, afterJob));
                    if (mine.Count == 1) started.Signal();
                    if (afterJob && !signalledAfterJob)
                    {
                        signalledAfterJob = true;
                        searchedAfterJob.Signal();
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        Assert.True(started.Wait(TimeSpan.FromSeconds(30)), "the readers did not start");
        var report = await Task.Run(() => Reindexer.Run(index.Live, index.Archive, mode));
        Volatile.Write(ref jobReturned, 1);
        // Waits for a search begun after the job on each reader, however long a loaded machine holds a reader back.
        var bothSearchedAfter = searchedAfterJob.Wait(TimeSpan.FromSeconds(60));
        done.Cancel();
        await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.True(bothSearchedAfter, "a reader ran no search after the job returned");
        Assert.Equal(2000, report.Added);
        foreach (var seen in totals)
        {
            Assert.True(seen.Count > 5, $"only {seen.Count} searches ran");
            // Each search sees the state before the job or after it, never a half-built index,
            // and once a reader has seen the new state it never sees the old one again.
            Assert.All(seen, t => Assert.Contains(t.Browse, new[] { 1000, 3000 }));
            Assert.All(seen, t => Assert.Contains(t.Query, new[] { 1000, 3000 }));
            Assert.Equal(seen.Select(t => t.Browse).Order(), seen.Select(t => t.Browse));
            Assert.Equal(seen.Select(t => t.Query).Order(), seen.Select(t => t.Query));
            // A search begun after the job returned sees all of it: the commit is visible before the job ends.
            Assert.All(seen.Where(t => t.AfterJob), t => Assert.Equal((3000, 3000), (t.Browse, t.Query)));
        }
    }
}
