using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Reindexing;
using ArchiveSearch.Engine.Tests.Support;

namespace ArchiveSearch.Engine.Tests.Reindexing;

/// <summary>The first build of an index commits in batches: searches see it grow, and an interrupted one resumes.</summary>
public class FirstBuildTests
{
    /// <summary>A commit every 40 files written (the interval never comes first in these tests).</summary>
    private static readonly BatchCommits EveryFortyFiles = new(TimeSpan.FromHours(1), 40);

    [Fact]
    public void Searches_see_a_first_build_grow_batch_by_batch()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 1500);
        Assert.True(index.Live.NeedsFirstBuild);
        // The first search of a process compiles the search path, which beside a build can take longer than the build.
        Assert.Equal(0, index.Total());

        IndexRunReport? report = null;
        var build = new Thread(() => report = index.Live.BuildFirst(index.Archive, batches: EveryFortyFiles));
        build.Start();
        // Searched from this thread, not the pool's: the build's threads keep both cores busy.
        var seen = new List<int>();
        while (build.IsAlive)
        {
            seen.Add(index.Total());
            Thread.Sleep(5);
        }
        build.Join();

        Assert.Equal(1500, report!.Added);
        Assert.Equal(1500, index.Total());
        Assert.True(seen.Any(total => total is > 0 and < 1500), $"searches saw only {string.Join(", ", seen.Distinct())}");
        Assert.Equal(seen.Order(), seen);
        Assert.False(index.Live.NeedsFirstBuild);
        Assert.False(File.Exists(Path.Combine(index.IndexRoot, "FIRST-BUILD")));
    }

    [Fact]
    public async Task An_interrupted_first_build_keeps_its_batches_and_the_next_one_resumes_without_parsing_them_again()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 1000);
        using var stop = new CancellationTokenSource();
        var build = Task.Run(() => index.Live.BuildFirst(index.Archive, cancellation: stop.Token, batches: EveryFortyFiles));
        Assert.True(SpinWait.SpinUntil(() => index.Total() > 0, TimeSpan.FromSeconds(60)), "no batch was committed");
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => build);
        var kept = index.Total();
        Assert.InRange(kept, 1, 999);

        // As a restarted service finds it: more than zero articles, yet not built.
        index.Reopen();
        Assert.Equal(kept, index.Total());
        Assert.True(index.Live.NeedsFirstBuild);
        var report = Reindexer.Run(index.Live, index.Archive, ReindexMode.FirstBuild);

        Assert.Equal((1000 - kept, kept, 0), (report.Added, report.Unchanged, report.Updated));
        Assert.Equal(1000, index.Total());
        Assert.Equal(1000, index.Total("common"));
        Assert.False(index.Live.NeedsFirstBuild);
        Assert.Equal(["gen-000001"], index.Generations());
    }

    [Fact]
    public async Task A_full_rebuild_completes_what_an_interrupted_first_build_left()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 1000);
        using var stop = new CancellationTokenSource();
        var build = Task.Run(() => index.Live.BuildFirst(index.Archive, cancellation: stop.Token, batches: EveryFortyFiles));
        Assert.True(SpinWait.SpinUntil(() => index.Total() > 0, TimeSpan.FromSeconds(60)), "no batch was committed");
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => build);

        Reindexer.Run(index.Live, index.Archive, ReindexMode.Full);
        index.Reopen();

        Assert.False(index.Live.NeedsFirstBuild);
        Assert.Equal(1000, index.Total());
        Assert.False(File.Exists(Path.Combine(index.IndexRoot, "FIRST-BUILD")));
    }

    [Fact]
    public void An_index_built_by_an_incremental_run_needs_no_first_build()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 3);

        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        index.Reopen();

        Assert.False(index.Live.NeedsFirstBuild);
    }

    [Fact]
    public void A_full_rebuild_cannot_commit_in_batches()
    {
        using var index = new TempLiveIndex();
        var (next, generation) = index.Live.CreateNextGeneration();

        var error = Assert.Throws<ArgumentException>(() =>
            ArchiveIndexer.Run(next, index.Archive, previous: index.Live.Current, batches: BatchCommits.Default));

        Assert.StartsWith("A full rebuild commits once", error.Message);
        index.Live.Discard(next, generation);
    }
}
