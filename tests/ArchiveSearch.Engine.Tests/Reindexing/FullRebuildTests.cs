using ArchiveSearch.Engine.Reindexing;
using ArchiveSearch.Engine.Tests.Support;

namespace ArchiveSearch.Engine.Tests.Reindexing;

public class FullRebuildTests
{
    [Fact]
    public void Switches_to_a_new_generation_and_removes_the_old_one()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 5);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        Assert.Equal(["gen-000001"], index.Generations());
        File.Delete(index.PathOf(GeneratedArticles.PathOf(4)));
        GeneratedArticles.Write(index.Archive, 5, 2);

        var report = Reindexer.Run(index.Live, index.Archive, ReindexMode.Full);

        Assert.Equal((2, 0, 1, 4), (report.Added, report.Updated, report.Deleted, report.Unchanged));
        Assert.Equal("gen-000002", index.CurrentFile());
        Assert.Equal("gen-000002", index.Live.Generation);
        Assert.Equal(["gen-000002"], index.Generations());
        Assert.Equal(6, index.Total());
    }

    [Fact]
    public void A_search_holding_the_old_generation_finishes_on_it_and_the_old_folder_goes_afterwards()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 3);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        GeneratedArticles.Write(index.Archive, 3, 3);

        using (var lease = index.Live.AcquireSearcher())
        {
            Reindexer.Run(index.Live, index.Archive, ReindexMode.Full);

            Assert.Equal(3, lease.Searcher.IndexReader.NumDocs);
            Assert.Equal(["gen-000001", "gen-000002"], index.Generations());
            Assert.Equal(6, index.Total());
        }
        Assert.Equal(["gen-000002"], index.Generations());
    }

    [Fact]
    public void A_file_that_turned_bad_is_carried_over_from_the_old_generation()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 3);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        File.WriteAllText(index.PathOf(GeneratedArticles.PathOf(2)), "no title line\n");

        var report = Reindexer.Run(index.Live, index.Archive, ReindexMode.Full);

        Assert.EndsWith("The last good version stays indexed.", Assert.Single(report.Skipped).Reason);
        Assert.Equal(3, index.Total());
        var kept = new ArticleSearcher(index.Live).Get(GeneratedArticles.IdOf(2))!;
        Assert.StartsWith("文章 2", kept.Title);
        Assert.Equal(new DateOnly(2024, 1, 3), kept.Date);
    }

    [Fact]
    public void A_cancelled_rebuild_keeps_the_old_generation_and_deletes_the_new_one()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 3);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        GeneratedArticles.Write(index.Archive, 3, 400);
        using var cancel = new CancellationTokenSource();
        var progress = new ArchiveSearch.Engine.Indexing.ReindexProgress();

        var run = Task.Run(() => Reindexer.Run(index.Live, index.Archive, ReindexMode.Full, progress, cancel.Token));
        SpinWait.SpinUntil(() => progress.Scanned > 20, TimeSpan.FromSeconds(30));
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => run.GetAwaiter().GetResult());
        Assert.Equal(3, index.Total());
        Assert.Equal("gen-000001", index.CurrentFile());
        Assert.Equal(["gen-000001"], index.Generations());
    }

    [Fact]
    public void A_disk_that_fills_up_during_a_rebuild_fails_it_and_keeps_the_old_generation_serving()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 5);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        GeneratedArticles.Write(index.Archive, 5, 200);
        index.Live.NewGenerationWrapper = inner => new FullDiskDirectory(inner, filesAllowed: 3);

        var error = Assert.Throws<IOException>(() => Reindexer.Run(index.Live, index.Archive, ReindexMode.Full));

        Assert.Contains("No space left on device", error.Message);
        Assert.Equal(5, index.Total());
        Assert.Equal("gen-000001", index.CurrentFile());
        Assert.Equal(["gen-000001"], index.Generations());
    }

    [Fact]
    public void An_index_records_its_analysis_version_and_one_written_by_another_needs_a_rebuild()
    {
        using var index = new TempLiveIndex();
        Assert.False(index.Live.Current.NeedsRebuild);
        GeneratedArticles.Write(index.Archive, 0, 2);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        Assert.Equal(ArchiveSearch.Engine.Analysis.ArticleAnalyzer.Version, index.Live.Current.AnalysisVersion);
        Assert.False(index.Live.Current.NeedsRebuild);
        index.Live.Dispose();
        // What an older release left: the same index, committed with another analysis version.
        using (var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(index.IndexRoot, "gen-000001")))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(
                   ArchiveSearch.Engine.Analysis.LuceneSettings.Version, ArchiveSearch.Engine.Analysis.ArticleAnalyzer.Create())))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["analysis"] = "1-smartcn" });
            writer.Commit();
        }

        index.Reopen();

        Assert.Equal("1-smartcn", index.Live.Current.AnalysisVersion);
        Assert.True(index.Live.Current.NeedsRebuild);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Full);
        Assert.False(index.Live.Current.NeedsRebuild);
    }

    [Fact]
    public void At_open_an_unfinished_rebuild_is_removed_and_the_current_generation_served()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 3);
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        // What a process killed in the middle of a full rebuild leaves: a half-written generation that CURRENT does not name.
        var (orphan, generation) = index.Live.CreateNextGeneration();
        orphan.Upsert(ArchiveSearch.Engine.Tests.Support.TestArticles.Make("zzz", "半成品"));
        orphan.Commit();
        orphan.Dispose();

        index.Reopen();

        Assert.Equal([generation], index.Live.RemovedAtOpen);
        Assert.Equal(["gen-000001"], index.Generations());
        Assert.Equal(3, index.Total());
    }
}
