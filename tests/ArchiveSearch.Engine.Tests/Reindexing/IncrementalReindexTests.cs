using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Reindexing;
using ArchiveSearch.Engine.Tests.Support;

namespace ArchiveSearch.Engine.Tests.Reindexing;

public class IncrementalReindexTests
{
    [Fact]
    public void Counts_added_updated_deleted_and_unchanged_files_and_applies_them()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 10);
        Assert.Equal(10, Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental).Added);

        GeneratedArticles.Write(index.Archive, 10, 2);                                       // two new
        File.WriteAllText(index.PathOf(GeneratedArticles.PathOf(3)), GeneratedArticles.Text(3, "独一无二的更新"));  // one changed
        File.Delete(index.PathOf(GeneratedArticles.PathOf(7)));                              // one removed
        File.SetLastWriteTimeUtc(index.PathOf(GeneratedArticles.PathOf(5)), DateTime.UtcNow); // touched, same content

        var report = Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);

        Assert.Equal((2, 1, 1, 8, 0), (report.Added, report.Updated, report.Deleted, report.Unchanged, report.Skipped.Count));
        Assert.Equal(11, index.Total());
        Assert.Equal(1, index.Total("独一无二的更新"));
        Assert.Null(new ArticleSearcher(index.Live).Get(GeneratedArticles.IdOf(7)));
    }

    [Fact]
    public void A_run_that_rewrites_a_quarter_of_the_index_merges_it_down_and_small_runs_do_not()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 40);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        for (var run = 0; run < 6; run++)
        {
            GeneratedArticles.Write(index.Archive, 40 + run, 1);
            Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        }
        var small = index.Live.Current.SegmentCount;

        for (var i = 0; i < 12; i++) File.WriteAllText(index.PathOf(GeneratedArticles.PathOf(i)), GeneratedArticles.Text(i, "rewritten"));
        var report = Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);

        Assert.True(small > ArchiveIndexer.SegmentsAfterLargeRun, $"small runs left {small} segments");
        Assert.Equal(12, report.Updated);
        Assert.InRange(index.Live.Current.SegmentCount, 1, ArchiveIndexer.SegmentsAfterLargeRun);
        Assert.Equal(46, index.Total());
        Assert.Equal(12, index.Total("rewritten"));
    }

    [Fact]
    public void A_second_run_over_an_unchanged_archive_changes_nothing()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 5);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);

        var report = Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);

        Assert.Equal((0, 0, 0, 5), (report.Added, report.Updated, report.Deleted, report.Unchanged));
    }

    [Fact]
    public void A_file_that_turns_bad_keeps_its_last_good_version_and_is_reported()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 3);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        File.WriteAllBytes(index.PathOf(GeneratedArticles.PathOf(1)), [0x23, 0x20, 0xC3, 0x28, 0xFF]);

        var report = Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);

        var problem = Assert.Single(report.Skipped);
        Assert.Equal(GeneratedArticles.PathOf(1), problem.RelativePath);
        Assert.EndsWith("The last good version stays indexed.", problem.Reason);
        Assert.Equal(0, report.Deleted);
        Assert.Equal("文章 1", new ArticleSearcher(index.Live).Get(GeneratedArticles.IdOf(1))!.Title[..4]);
        Assert.Equal(3, index.Total());
    }

    [Fact]
    public void A_cancelled_run_leaves_the_index_exactly_as_it_was()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 5);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        GeneratedArticles.Write(index.Archive, 5, 300);
        File.Delete(index.PathOf(GeneratedArticles.PathOf(0)));
        using var cancel = new CancellationTokenSource();
        var progress = new ArchiveSearch.Engine.Indexing.ReindexProgress();

        var run = Task.Run(() => Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental, progress, cancel.Token));
        SpinWait.SpinUntil(() => progress.Scanned > 20, TimeSpan.FromSeconds(30));
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => run.GetAwaiter().GetResult());
        Assert.Equal(5, index.Total());
        Assert.NotNull(new ArticleSearcher(index.Live).Get(GeneratedArticles.IdOf(0)));
        // The writer was replaced after the rollback: the next run works and sees everything.
        var report = Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        Assert.Equal((300, 1), (report.Added, report.Deleted));
        Assert.Equal(304, index.Total());
    }

    [Fact]
    public void A_missing_archive_fails_the_run_and_keeps_the_index()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 3);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        Directory.Delete(index.Archive, recursive: true);

        Assert.Throws<DirectoryNotFoundException>(() => Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental));
        Assert.Equal(3, index.Total());
    }
}
