using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Reindexing;
using ArchiveSearch.Engine.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Store;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Indexing;

/// <summary>
/// A run that may write a large share of the index merges wide and writes no compound files (<see cref="SearchIndex.BulkLoading"/>);
/// every other run keeps Lucene's narrow merges and compound files, so an index that takes small updates stays in few
/// segments and few files.
/// </summary>
public sealed class BulkLoadingTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "as-bulk-" + Guid.NewGuid().ToString("N"));

    /// <summary>Twelve one-article commits (twelve flushed segments), then the writer closed, which waits for its merges.</summary>
    private SegmentInfos TwelveCommits(bool bulk)
    {
        var path = Path.Combine(root, bulk ? "bulk" : "normal");
        using (var index = SearchIndex.Open(path, ArticleAnalyzer.Create()))
        {
            index.BulkLoading = bulk;
            for (var n = 0; n < 12; n++)
            {
                index.AddNew(Make($"a{n:D3}", $"文章 {n} search engine", ai: "向量检索 数据库", original: $"正文 {n} 开源大模型"));
                index.Commit();
            }
        }
        return Segments(path);
    }

    [Fact]
    public void Bulk_loading_leaves_small_segments_unmerged_and_out_of_compound_files()
    {
        var infos = TwelveCommits(bulk: true);

        Assert.Equal(12, infos.Count);
        Assert.All(infos.AsList(), s => Assert.False(s.Info.UseCompoundFile, s.Info.Name));
    }

    [Fact]
    public void Otherwise_ten_small_segments_merge_and_flushed_ones_are_compound_files()
    {
        var infos = TwelveCommits(bulk: false);

        Assert.InRange(infos.Count, 1, 11);
        Assert.Equal(12, infos.AsList().Sum(s => s.Info.DocCount));
        Assert.Contains(infos.AsList(), s => s.Info.UseCompoundFile);
    }

    [Fact]
    public void A_first_build_bulk_loads_and_an_update_of_a_few_files_does_not()
    {
        using var index = new TempLiveIndex();
        GeneratedArticles.Write(index.Archive, 0, 300);
        Assert.True(BulkLoadingWhileRunning(index));
        Assert.False(index.Live.Current.BulkLoading);

        var built = Assert.Single(Segments(index.Live.Current.Path).AsList()).Info.Name;

        GeneratedArticles.Write(index.Archive, 300, 1);
        for (var i = 0; i < 2; i++) File.WriteAllText(index.PathOf(GeneratedArticles.PathOf(i)), GeneratedArticles.Text(i, "rewritten"));
        ArchiveIndexer.Run(index.Live.Current, index.Archive);

        var flushed = Segments(index.Live.Current.Path).AsList().Where(s => s.Info.Name != built).ToList();
        Assert.NotEmpty(flushed);
        Assert.All(flushed, s => Assert.True(s.Info.UseCompoundFile, s.Info.Name));
        Assert.Equal(301, index.Total());
        Assert.Equal(2, index.Total("rewritten"));
    }

    /// <summary>The target's setting seen while a run is going (after its first file, before its end); the run is then awaited.</summary>
    private static bool BulkLoadingWhileRunning(TempLiveIndex index)
    {
        var target = index.Live.Current;
        var progress = new ReindexProgress();
        var run = Task.Run(() => ArchiveIndexer.Run(target, index.Archive, progress));
        bool? seen = null;
        while (seen is null && !run.IsCompleted)
        {
            if (progress.Scanned == 0) continue;
            var setting = target.BulkLoading;
            if (!run.IsCompleted) seen = setting;
        }
        run.GetAwaiter().GetResult();
        return seen ?? throw new InvalidOperationException("The run ended before its setting could be seen.");
    }

    private static SegmentInfos Segments(string path)
    {
        using var directory = FSDirectory.Open(path);
        var infos = new SegmentInfos();
        infos.Read(directory);
        return infos;
    }

    [Theory]
    [InlineData(100, 0, true)]      // a first build, a full rebuild
    [InlineData(100, 60, true)]     // a first build resumed early
    [InlineData(100, 76, false)]    // most of it indexed already
    [InlineData(100, 100, false)]   // an update of an index the archive matches
    [InlineData(0, 0, false)]       // an empty archive
    public void Runs_that_may_write_a_quarter_of_the_index_or_more_bulk_load(int files, int held, bool bulk) =>
        Assert.Equal(bulk, ArchiveIndexer.MayEndInOneSegment(files, held));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(root)) System.IO.Directory.Delete(root, recursive: true);
    }
}
